import django_filters
from django import forms

from hhprod.productions.models import Person
from hhprod.rigs.models import Rig
from hhprod.shooting.models import Scene, Take


class TakeLogFilter(django_filters.FilterSet):
    """The take log's filters; a scene or wearer must be the production's own."""

    day_from = django_filters.NumberFilter("shoot_day__number", lookup_expr="gte", label="From day")
    day_to = django_filters.NumberFilter("shoot_day__number", lookup_expr="lte", label="To day")
    # Typed by its number, not picked from a list: a long shoot has thousands of scenes, and a
    # dropdown of them all would be most of the page's weight.
    scene = django_filters.ModelChoiceFilter(
        queryset=Scene.objects.none(),
        to_field_name="number",
        label="Scene",
        widget=forms.TextInput(attrs={"size": 6, "placeholder": "number"}),
    )
    wearer = django_filters.ModelChoiceFilter(queryset=Person.objects.none(), label="Wearer")
    rig = django_filters.ModelChoiceFilter(queryset=Rig.objects.all(), label="Rig")
    status = django_filters.ChoiceFilter(choices=Take.Status.choices, label="Status")

    class Meta:
        model = Take
        fields = []

    def __init__(self, data=None, *args, production, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["scene"].queryset = Scene.objects.filter(production=production)
        self.filters["wearer"].queryset = Person.objects.filter(
            credits__production=production, credits__wears_rig=True
        ).distinct()
