"""A day's takes by status (circled: `Take.objects.circled()`, shooting.models.circled) and seconds recorded, in
one aggregate; its setups and minutes before it and to date are what each day shot (figures.scenes)."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from hhprod.planning.models import circled
from hhprod.shooting.models import Take


def takes_on(day):
    """The day's takes by status, and the seconds they recorded."""
    return Take.objects.filter(shoot_day=day).aggregate(
        takes=Count("pk"),
        circled=Count("pk", filter=circled()),
        good=Count("pk", filter=Q(status=Take.Status.GOOD)),
        no_good=Count("pk", filter=Q(status=Take.Status.NO_GOOD)),
        false_start=Count("pk", filter=Q(status=Take.Status.FALSE_START)),
        seconds=Coalesce(Sum("length"), 0),
    )
