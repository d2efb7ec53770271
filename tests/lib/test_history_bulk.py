"""New takes written in bulk with their history rows (hhprod/lib/history.py), as simple-history writes them."""

from datetime import date, time

import pytest
from django.contrib.auth.models import User
from django.forms.models import model_to_dict
from simple_history import utils as simple_history

from hhprod.lib import history
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db
UNCOPIED = {"history_id", "history_date", "id", "number"}  # differ between the two writes by design


@pytest.fixture
def new_takes():
    """Unsaved takes on one day, numbered from `first`, with a camera, a unit and notes set."""
    prod = make.production()
    day = make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    scene = make.scene(prod, "12")
    rig = make.rig("v1", 1)
    camera = make.camera(rig, "CAM-1")
    unit = make.unit(rig)
    wearer = make.wearer(prod, "Unnamed stunt performer 1")

    def takes(first, count):
        return [
            Take(
                shoot_day=day, scene=scene, setup="A", number=number, length=30, rig=rig, camera=camera,
                rig_unit=unit, wearer=wearer, status=Take.Status.CIRCLED, roll="A001", time_of_day=time(7, 30),
                frame_rate=25, mos=True, notes="Lens flare",
            )
            for number in range(first, first + count)
        ]  # fmt: skip

    return takes


def history_rows(numbers):
    rows = Take.history.filter(number__in=numbers).order_by("number")
    return [{k: v for k, v in model_to_dict(row).items() if k not in UNCOPIED} for row in rows]


def test_the_history_rows_hold_what_simple_historys_own_bulk_write_holds(new_takes):
    user = User.objects.create_user("script")
    ours = history.bulk_create_with_history(new_takes(1, 3), Take, user=user, reason="Imported from day1.csv")
    theirs = new_takes(101, 3)
    for take in theirs:
        take._history_user, take._change_reason = user, "Imported from day1.csv"
    simple_history.bulk_create_with_history(theirs, Take)

    assert [take.pk for take in ours] == list(Take.objects.filter(number__lt=100).values_list("pk", flat=True))
    assert history_rows(range(1, 4)) == history_rows(range(101, 104)) != []
    copied = Take.history.filter(number__lt=100).order_by("number")
    assert [(row.id, row.number, row.length, row.history_user) for row in copied] == [
        (take.pk, take.number, 30, user) for take in ours
    ]
    assert history_rows([1])[0]["history_change_reason"] == "Imported from day1.csv"
    assert len({row.history_date for row in copied}) == 1


def test_every_row_gets_its_history_row_past_one_batch(new_takes):
    count = 905
    history.bulk_create_with_history(new_takes(1, count), Take, batch_size=400)
    assert Take.objects.count() == Take.history.filter(history_type="+", history_user=None).count() == count
    assert set(Take.history.values_list("id", flat=True)) == set(Take.objects.values_list("pk", flat=True))


def test_a_change_reason_longer_than_its_column_is_cut_to_fit(new_takes):
    """A file name is up to 255 characters; the reason's column holds 100 (PostgreSQL would refuse more)."""
    reason = "Imported from " + "x" * 200 + ".csv"
    history.bulk_create_with_history(new_takes(1, 1), Take, reason=reason)
    stored = Take.history.get().history_change_reason
    assert len(stored) == 100 and stored == reason[:99] + "…"
