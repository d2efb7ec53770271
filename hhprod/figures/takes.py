"""Takes on a day and to date: counts by status (circled: `Take.objects.circled()`, shooting.models.circled),
setups and seconds recorded, in one aggregate."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from hhprod.planning.models import circled
from hhprod.shooting.models import Take

from .days import shot_by
from .setups import setups


def takes_on(day):
    """The day's takes by status, setups and seconds, against the setups and seconds to date."""
    on_day, to_date = Q(shoot_day=day), shot_by(day, "shoot_day__")
    return Take.objects.filter(shoot_day__production=day.production_id).aggregate(
        takes=Count("pk", filter=on_day),
        circled=Count("pk", filter=on_day & circled()),
        good=Count("pk", filter=on_day & Q(status=Take.Status.GOOD)),
        no_good=Count("pk", filter=on_day & Q(status=Take.Status.NO_GOOD)),
        false_start=Count("pk", filter=on_day & Q(status=Take.Status.FALSE_START)),
        seconds=Coalesce(Sum("length", filter=on_day), 0),
        seconds_to_date=Coalesce(Sum("length", filter=to_date), 0),
        setups=setups(on_day),
        setups_to_date=setups(to_date),
    )
