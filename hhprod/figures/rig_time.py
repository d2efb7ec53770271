"""Rig time per wearer per day, against the production's daily limit: one rule, in the database
(productions.models.over_daily_limit), for the day page, the set page and the reports."""

from django.db.models import Case, ExpressionWrapper, F, IntegerField, OuterRef, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from hhprod.lib.expressions import SubqueryCount
from hhprod.productions.models import Person, over_daily_limit
from hhprod.shooting.models import Take


def wearers_on(day, limit):
    """Each wearer of the day's takes: takes, seconds worn, longest take, `against_limit` of the daily
    `limit` in minutes ("over", "within", "no limit set") and `seconds_left` under it (None with no
    limit); most worn first."""
    wearers = Person.objects.filter(takes_worn__shoot_day=day).with_rig_time().against_daily_limit(limit)
    left = Value(limit * 60) - F("seconds_worn") if limit else Value(None)
    wearers = wearers.annotate(seconds_left=ExpressionWrapper(left, output_field=IntegerField()))
    return wearers.order_by("-seconds_worn", "name")


def worn_with(day, wearer, length):
    """`wearer`'s seconds on the rig on `day` before and after a take of `length` seconds, and whether
    that take would pass the daily limit: {"worn", "after", "passes"}; one query."""
    limit = day.production.daily_rig_limit_minutes or 0
    worn = Coalesce(Sum("takes_worn__length", filter=Q(takes_worn__shoot_day=day)), 0)
    return (
        Person.objects.filter(pk=wearer.pk)
        .annotate(worn=worn)
        .annotate(after=F("worn") + length)
        .annotate(passes=Case(When(over_daily_limit(limit, "after"), then=True), default=False))
        .values("worn", "after", "passes")
        .get()
    )


def days_over_limit(production):
    """For `annotate` on people: the production's days on which the person passed the daily limit;
    None with no limit set."""
    limit = production.daily_rig_limit_minutes
    if not limit:
        return Value(None, IntegerField())
    own_takes = Take.objects.filter(wearer=OuterRef("pk"), shoot_day__production=production)
    return SubqueryCount(own_takes.days_over_limit(limit))
