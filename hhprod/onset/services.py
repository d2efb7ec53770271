"""Logging takes on set: the next take and setup, a wearer's rig time against the daily limit,
and saving a row once however often the page sends it."""

import string

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Length
from django.utils import timezone

from hhprod.figures.rig_time import worn_with
from hhprod.lib.formatting import minutes_seconds
from hhprod.planning.models import ShootDay
from hhprod.shooting.camera_report import LAST_TAKE
from hhprod.shooting.models import Take

from .models import LoggedTake

# Setups skip I and O, as script supervisors do: on a slate they read as 1 and 0.
SETUP_LETTERS = [letter for letter in string.ascii_uppercase if letter not in "IO"]


def next_take_number(scene, setup=""):
    """The take number to suggest in a setup: one after the highest logged, 1 in a new setup;
    None after a slate's last take, where the next take starts a new setup."""
    last = Take.objects.filter(scene=scene, setup=setup).aggregate(last=Max("number"))["last"]
    following = (last or 0) + 1
    return following if following <= LAST_TAKE else None


def next_setup(scene):
    """The letters of the scene's next setup: "A" after the first (12), "B" after 12A, "AA" after 12Z."""
    last = (
        Take.objects.filter(scene=scene)
        .order_by(Length("setup").desc(), "-setup")
        .values_list("setup", flat=True)
        .first()
    )
    return letters_after(last or "")


def letters_after(setup):
    if not setup:
        return SETUP_LETTERS[0]
    *head, tail = setup
    if tail in SETUP_LETTERS and tail != SETUP_LETTERS[-1]:
        return "".join(head) + SETUP_LETTERS[SETUP_LETTERS.index(tail) + 1]
    if not head:
        return SETUP_LETTERS[0] * 2
    return letters_after("".join(head)) + SETUP_LETTERS[0]


def limit_warning(day, wearer, length):
    """What to tell the script supervisor before a take of `length` seconds by `wearer` would take
    them past the daily limit; None when it would not, or there is no limit."""
    limit = day.production.daily_rig_limit_minutes
    if not limit or not wearer or not length:
        return None
    worn = worn_with(day, wearer, length)
    if not worn["passes"]:
        return None
    return (
        f"{wearer} has worn the rig {minutes_seconds(worn['worn'])} today: a take of "
        f"{minutes_seconds(length)} makes {minutes_seconds(worn['after'])}, "
        f"over the daily limit of {limit} minutes."
    )


def mark_shot_by_first_take(day, today):
    """A day not marked shot becomes shot when its first take is logged on or after its date:
    on its scheduled date when that has passed, else today. Refused, with the reason, for a
    cancelled day or one still to come."""
    if day.status == ShootDay.Status.SHOT:
        return False
    if day.status == ShootDay.Status.CANCELLED:
        raise ValidationError(f"{day} is cancelled: no take is logged on it.")
    scheduled = day.scheduled_date if day.status == ShootDay.Status.SCHEDULED else None
    if scheduled and scheduled > today:
        raise ValidationError(f"{day} is scheduled for {scheduled:%-d %b %Y}: its takes are logged from that day.")
    day.status, day.actual_date = ShootDay.Status.SHOT, scheduled or today
    day.full_clean()
    day.save(update_fields=["status", "actual_date"])
    return True


def log_take(day_id, fields, key, user):
    """Save one row of the take-logging page: (take, True) when written now, (take, False) when
    this row's key was saved before. The day is marked shot by its first take in the same
    transaction, so a refused take leaves the day as it was."""
    with transaction.atomic():
        # Locks the day: two rows of one day (or one row sent twice) are saved one after the other.
        day = ShootDay.objects.select_for_update().select_related("production").get(pk=day_id)
        logged = LoggedTake.objects.filter(key=key).select_related("take").first()
        if logged:
            return logged.take, False
        day._history_user = user
        mark_shot_by_first_take(day, timezone.localdate())
        take = Take(shoot_day=day, **fields)
        take.full_clean()
        take._history_user = user
        take.save()
        LoggedTake.objects.create(key=key, take=take, user=user)
    return take, True
