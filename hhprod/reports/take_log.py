"""Take log, the camera report: every take, filtered by day range, scene, setup, wearer, rig, unit,
roll, status and the MOS/VFX flags; sortable."""

import django_filters
import django_tables2 as tables
from django import forms
from django.db.models import Case, CharField, Value, When
from django.db.models.functions import Cast, Concat

from hhprod.planning.models import Scene
from hhprod.productions.models import Person
from hhprod.rigs.models import Rig, RigUnit
from hhprod.shooting.camera_report import FieldOfView, FrameRate, Resolution
from hhprod.shooting.models import Take

from .columns import ChoiceColumn, ClockColumn, FlagColumn, IsoDateColumn, LengthColumn, ReportTable
from .content import Report, ReportContent

# The largest day number a filter takes: the database's integer column holds no more.
LAST_DAY_NUMBER = 2_147_483_647


def take_log(production):
    """Every take of the production, as the camera report lists them; the unit named as it is
    everywhere ("v2 #1") in SQL, so the exports can read every column from one values_list()."""
    unit_name = Concat("rig_unit__rig__name", Value(" #"), Cast("rig_unit__number", CharField()))
    return (
        Take.objects.filter(shoot_day__production=production)
        .select_related("shoot_day", "scene", "rig", "rig_unit__rig", "camera", "wearer")
        .annotate(unit_name=Case(When(rig_unit__isnull=False, then=unit_name)))
        .order_by("shoot_day__number", "scene__number", "setup", "number")
    )


class DayNumberFilter(django_filters.NumberFilter):
    """A day number: whole, from 1; anything else is a form error beside the field."""

    field_class = forms.IntegerField

    def __init__(self, lookup_expr, label):
        super().__init__(
            "shoot_day__number", lookup_expr=lookup_expr, label=label, min_value=1, max_value=LAST_DAY_NUMBER
        )


class TakeLogFilter(django_filters.FilterSet):
    """The take log's filters; a scene or wearer must be the production's own."""

    day_from = DayNumberFilter("gte", "From day")
    day_to = DayNumberFilter("lte", "To day")
    # Typed by its number, not picked from a list: a long shoot has thousands of scenes, and a
    # dropdown of them all would be most of the page's weight.
    scene = django_filters.ModelChoiceFilter(
        queryset=Scene.objects.none(),
        to_field_name="number",
        label="Scene",
        widget=forms.TextInput(attrs={"size": 6, "placeholder": "number"}),
    )
    setup = django_filters.CharFilter(
        method="filter_setup", label="Setup", widget=forms.TextInput(attrs={"size": 3, "placeholder": "A"})
    )
    wearer = django_filters.ModelChoiceFilter(queryset=Person.objects.none(), label="Wearer")
    rig = django_filters.ModelChoiceFilter(queryset=Rig.objects.all(), label="Rig")
    rig_unit = django_filters.ModelChoiceFilter(queryset=RigUnit.objects.select_related("rig"), label="Rig unit")
    roll = django_filters.CharFilter(lookup_expr="iexact", label="Roll", widget=forms.TextInput(attrs={"size": 6}))
    status = django_filters.ChoiceFilter(choices=Take.Status.choices, label="Status")
    mos = django_filters.BooleanFilter(label="MOS", widget=forms.NullBooleanSelect)
    vfx = django_filters.BooleanFilter(label="VFX", widget=forms.NullBooleanSelect)

    class Meta:
        model = Take
        fields = []

    def __init__(self, data=None, *args, production, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["scene"].queryset = Scene.objects.filter(production=production)
        self.filters["wearer"].queryset = Person.objects.filter(
            credits__production=production, credits__wears_rig=True
        ).distinct()

    def filter_setup(self, takes, name, value):
        """The setup's letters ("A" for 12A); "-" for each scene's first setup, which has none."""
        letters = value.strip().upper()
        return takes.filter(setup="" if letters == "-" else letters)


class TakeLogTable(ReportTable):
    """The camera report, declared once for the page and every export (`import_takes` reads an
    export back by its headers)."""

    paginated = True
    values_export = True  # every column a field and a plain function: exports read one values_list()

    day = tables.Column("Day", accessor="shoot_day__number")
    date = IsoDateColumn("Date", accessor="shoot_day__actual_date")
    scene = tables.Column("Scene", accessor="scene__number")
    setup = tables.Column("Setup", default="")
    take = tables.Column("Take", accessor="number")
    length = LengthColumn("Length")
    rig = tables.Column("Rig", accessor="rig__name")
    unit = tables.Column("Unit", accessor="unit_name", default="", order_by=("rig_unit__rig__name", "rig_unit__number"))
    camera = tables.Column("Camera", accessor="camera__serial", default="")
    roll = tables.Column("Roll", default="")
    clip = tables.Column("Clip", accessor="clip_name", default="")
    time_of_day = ClockColumn("Time of day", default="")
    # The mode, a column each, so a spreadsheet can sort and count by any of them.
    field_of_view = ChoiceColumn("FOV", choices=FieldOfView.choices, default="")
    resolution = ChoiceColumn("Resolution", choices=Resolution.choices, default="")
    fps = ChoiceColumn("FPS", accessor="frame_rate", choices=FrameRate.choices, default="")
    mos = FlagColumn("MOS")
    vfx = FlagColumn("VFX")
    wearer = tables.Column("Wearer", accessor="wearer__name")
    status = ChoiceColumn("Status", choices=Take.Status.choices)
    notes = tables.Column("Notes", default="")

    class Meta(ReportTable.Meta):
        model = Take
        fields = ()
        per_page = 50
        orderable = True


def build(production, params):
    filterset = TakeLogFilter(params, queryset=take_log(production), production=production)
    return ReportContent(tables=[("Takes", TakeLogTable(filterset.qs))], filterset=filterset)


REPORT = Report(
    "take-log",
    "Take log",
    "The camera report: every take, filtered by day, scene, setup, wearer, rig, unit, roll, status, MOS/VFX.",
    build,
)
