"""generate_production: a synthetic production of the asked size, valid, and the same for the same seed."""

import hashlib
import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Min

from hhprod.planning.models import DayCall, Scene, ShootDay
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take

pytestmark = pytest.mark.django_db

SMALL = {"days": 80, "takes": 400, "people": 6}


def generate(**arguments):
    call_command("generate_production", **{**SMALL, "seed": 7, **arguments}, stdout=io.StringIO())
    takes = arguments.get("takes", SMALL["takes"])
    return Production.objects.get(title=f"Synthetic production (seed {arguments.get('seed', 7)}, {takes} takes)")


def wipe():
    for model in [Take, DayCall, Trip, Credit, Scene, ShootDay, Camera, Rig, Person, Production]:
        model.objects.all().delete()


def digest(production):
    """Every generated row by its content, leaving out keys and the labels that name the seed."""
    takes = Take.objects.filter(shoot_day__production=production).order_by("shoot_day__number", "scene_id", "number")
    rows = [
        list(
            Credit.objects.filter(production=production)
            .order_by("pk")
            .values_list("person__name", "person__trade", "role", "character", "wears_rig")
        ),
        list(Trip.objects.filter(production=production).order_by("pk").values_list("person__name", "starts", "ends")),
        list(
            ShootDay.objects.filter(production=production).values_list(
                "number", "scheduled_date", "actual_date", "status", "location"
            )
        ),
        list(
            Rig.objects.filter(takes__shoot_day__production=production)
            .distinct()
            .values_list("material", "in_service_from", "in_service_to")
        ),
        list(Scene.objects.filter(production=production).order_by("pk").values_list("number", "description")),
        [
            (scene, number, day, length, material, serial.rsplit("-", 1)[1], wearer, status)
            for scene, number, day, length, material, serial, wearer, status in takes.values_list(
                "scene__number", "number", "shoot_day__number", "length", "rig__material", "camera__serial",
                "wearer__name", "status",
            )
        ],
        list(
            DayCall.objects.filter(shoot_day__production=production)
            .order_by("shoot_day__number", "person__name")
            .values_list("shoot_day__number", "person__name", "call_time", "wrap_time")
        ),
    ]  # fmt: skip
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_the_same_seed_writes_the_same_production():
    first = digest(generate())
    wipe()
    assert digest(generate()) == first


def test_another_seed_writes_another_production():
    first = digest(generate(seed=7))
    wipe()
    assert digest(generate(seed=8)) != first


def test_counts_match_the_arguments():
    production = generate()
    days = ShootDay.objects.filter(production=production)
    assert days.count() == 80
    assert Take.objects.filter(shoot_day__production=production).count() == 400
    assert Credit.objects.filter(production=production, wears_rig=True).count() == 6
    assert production.title == "Synthetic production (seed 7, 400 takes)"
    assert production.source.startswith("Synthetic: manage.py generate_production --days 80 --takes 400")


def test_the_schedule_slips_like_the_articles():
    """Fewer days planned than shot, days added beyond the plan, a few cancelled, a few still to shoot."""
    production = generate()
    days = ShootDay.objects.filter(production=production)
    by_status = dict(days.values_list("status").annotate(n=Count("pk")))
    assert by_status == {"shot": 77, "cancelled": 2, "scheduled": 1}
    assert production.planned_days == 30
    assert days.filter(scheduled_date__isnull=True).count() == 50
    last_planned = days.filter(status="shot", number=production.planned_days).get()
    assert last_planned.actual_date > last_planned.scheduled_date


def test_takes_spread_over_days_wearers_rigs_and_statuses():
    production = generate()
    takes = Take.objects.filter(shoot_day__production=production)
    per_day = takes.values("shoot_day").annotate(n=Count("pk")).aggregate(most=Max("n"), fewest=Min("n"))
    assert per_day["most"] > 2 * per_day["fewest"]
    lengths = takes.aggregate(shortest=Min("length"), longest=Max("length"))
    assert 5 <= lengths["shortest"] <= 30 and 300 <= lengths["longest"] <= 420
    assert takes.values("wearer").distinct().count() == 6
    assert takes.values("rig").distinct().count() == 2
    assert set(takes.values_list("status", flat=True)) == {"circled", "good", "no_good", "false_start"}


def test_every_generated_record_passes_model_validation():
    production = generate(days=20, takes=150, people=4)
    records = [
        *Take.objects.filter(shoot_day__production=production),
        *ShootDay.objects.filter(production=production),
        *DayCall.objects.filter(shoot_day__production=production),
        *Trip.objects.filter(production=production),
        *Credit.objects.filter(production=production),
        *Rig.objects.filter(takes__shoot_day__production=production).distinct(),
    ]
    assert len(records) > 150
    for record in records:
        record.full_clean()


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        ({"days": 0}, "--days must be at least 1 (got 0)."),
        ({"takes": -1}, "--takes cannot be negative (got -1)."),
        ({"people": 0}, "--people must be at least 1: someone has to wear the rig (got 0)."),
        ({"seed": -3}, "--seed cannot be negative (got -3)."),
    ],
)
def test_bad_arguments_are_refused_with_the_reason(arguments, reason):
    with pytest.raises(CommandError) as refused:
        generate(**arguments)
    assert str(refused.value) == reason
    assert not Production.objects.exists()


def test_a_production_already_generated_is_refused():
    generate()
    with pytest.raises(CommandError, match=r"already exists: delete it first"):
        generate()
    assert Production.objects.count() == 1


def test_bad_arguments_exit_non_zero_from_the_command_line():
    finished = subprocess.run(
        [sys.executable, "manage.py", "generate_production", "--takes", "-5"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "1"},
        capture_output=True,
        text=True,
    )
    assert finished.returncode == 1
    assert "--takes cannot be negative (got -5)." in finished.stderr
