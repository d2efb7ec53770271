"""'Day N of M': a shoot day's number against the days the production has (every day, a cancelled one
included, as a call sheet numbers them), with the planned number when it differs; on a call sheet
issued from a revision, against that revision's working days."""

from django.db.models import OuterRef

from hhprod.lib.expressions import SubqueryCount
from hhprod.planning.models import ShootDay


def days_in_production():
    """For `annotate` on shoot days: how many days the outer day's production has."""
    return SubqueryCount(ShootDay.objects.filter(production=OuterRef("production")).values("pk"))


def day_of(production, day):
    """'Day 60 of 120 (45 planned)', from a day annotated with days_in_production()."""
    planned = production.planned_days
    if planned and planned != day.days_in_production:
        return f"Day {day.number} of {day.days_in_production} ({planned} planned)"
    return f"Day {day.number} of {day.days_in_production}"


def day_in_revision(production, day, revision):
    """'Day 12 of 45 (White revision)': counted in the revision a call sheet is issued from (annotated
    with the day's `day_number` in it and its `day_count`); day_of() with no revision."""
    if revision is None:
        return f"{day_of(production, day)}, no revision locked"
    if revision.day_number is None:
        return f"Day {day.number}, added after the {revision.colour} revision ({revision.day_count} days)"
    return f"Day {revision.day_number} of {revision.day_count} ({revision.colour} revision)"
