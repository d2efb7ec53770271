"""Random and hostile take logs: every file is imported whole, with the right takes, or refused whole."""

import re
from datetime import date

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hhprod.imports.imports import TakeImport
from hhprod.imports.mapping import ALL_COLUMNS, COLUMNS
from hhprod.imports.setvalues import parse_length
from hhprod.lib.controls import without_controls
from hhprod.lib.formatting import minutes_seconds
from hhprod.shooting.models import Take

from .. import factories as make
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db
WEARER = "Unnamed stunt performer 1"
EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

HOSTILE = st.one_of(
    st.none(),
    st.just(""),
    st.text(max_size=30),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.times(),
    st.sampled_from([
        "v2", "v9", "CAM-1", "CAM-9", "Sharlto Copley", "Nobody", WEARER.upper(), "0", "0:00", "7:01", "99:99",
        "-1", "1e9", "2013-09-02", "2013-09-04", "=cmd|' /C calc'!A0", "'=1+1", "NaN", "\x00", "１２", "1" * 50,
    ]),
)  # fmt: skip
NOTES = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30).filter(
    lambda text: not re.match(r"'[=+\-@]", text)  # an already-quoted formula cannot be told from an export's quote
)


@pytest.fixture
def shoot():
    """Days 1 and 2 shot, rig v1 in service (v2 not yet), one credited wearer, scene 1 take 1 already logged."""
    prod = make.production(max_take_seconds=420)
    day = make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    make.shoot_day(prod, 2, actual=date(2013, 9, 3))
    rig = make.rig("v1", 1, in_service_from=date(2013, 8, 1))
    make.camera(rig, "CAM-1")
    make.rig("v2", 2, material="plastic", in_service_from=date(2014, 3, 1))
    make.person("Sharlto Copley")
    make.take(day, make.scene(prod, "1"), rig, make.wearer(prod, WEARER), number=1)
    return prod


def export_quoted(text):
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@st.composite
def good_rows(draw):
    """A row a script supervisor could write, in any of the accepted spellings, and the take it means."""
    day, scene = draw(st.sampled_from([1, 2])), draw(st.sampled_from(["1", "2", "12A"]))
    number, seconds = draw(st.integers(1, 4)), draw(st.integers(1, 420))
    status, notes = draw(st.sampled_from(Take.Status)), draw(NOTES)
    cells = {
        "Day": draw(st.sampled_from([day, str(day), float(day)])),
        "Date": draw(st.sampled_from(["", None, date(2013, 9, day + 1), f"2013-09-0{day + 1}"])),
        "Scene": scene,
        "Take": draw(st.sampled_from([number, str(number), float(number)])),
        "Length": draw(st.sampled_from([seconds, str(seconds), minutes_seconds(seconds), float(seconds)])),
        "Rig": draw(st.sampled_from(["v1", "V1"])),
        "Camera": draw(st.sampled_from(["", None, "CAM-1"])),
        "Wearer": WEARER,
        "Status": draw(st.sampled_from([status.label, status.value, status.label.upper()])),
        "Notes": export_quoted(notes),
    }
    # A note is kept as typed, less the control characters removed wherever text enters.
    return cells, (day, scene, number, seconds, status.value, without_controls(notes, multiline=True))


@st.composite
def take_logs(draw):
    """A few good rows, some of them with hostile cells; the rows left untouched are known."""
    rows = draw(st.lists(good_rows(), min_size=1, max_size=6))
    untouched = True
    for cells, _ in rows:
        for column in draw(st.lists(st.sampled_from(COLUMNS), max_size=3, unique=True)):
            cells[column] = draw(HOSTILE)
            untouched = False
    return [cells for cells, _ in rows], [meaning for _, meaning in rows], untouched


def import_rows(production, rows):
    dataset = tablib.Dataset(*[[cells[column] for column in COLUMNS] for cells in rows], headers=COLUMNS)
    return TakeImport(production).run(dataset)


def logged(production):
    return sorted(
        Take.objects.filter(shoot_day__production=production)
        .exclude(scene__number="1", number=1)
        .values_list("shoot_day__number", "scene__number", "number", "length", "status", "notes")
    )


# A row's fate names the row and, for an error, the column: one of the take log's or the set tools'.
ROW_FATE = re.compile(rf"Row \d+(, ({'|'.join(map(re.escape, ALL_COLUMNS))}))?: \S")


@EXAMPLES
@given(log=take_logs())
def test_every_take_log_is_imported_whole_or_refused_whole(shoot, log):
    rows, meanings, untouched = log
    with transaction.atomic():  # each example starts from the same database
        before = database_snapshot()
        result = import_rows(shoot, rows)
        fates = result.lines()  # nothing crashed: a cell no reader expected would have raised
        assert not result.file_refusal, fates
        assert all(ROW_FATE.match(line) for line in fates), fates
        if not result.passed:
            assert any(not line.startswith(f"Row {n}: new take") for n, line in enumerate(fates, 1))
            assert database_snapshot() == before
        else:
            assert len(logged(shoot)) == len(rows)
            for take in Take.objects.select_related("scene__production", "shoot_day__production", "rig", "wearer"):
                take.full_clean()
        if untouched:
            keys = [(scene, number) for _, scene, number, *_ in meanings]
            duplicates = len(set(keys)) < len(keys) or ("1", 1) in keys
            assert result.passed is not duplicates, fates
            if not duplicates:
                assert logged(shoot) == sorted(meanings)
        transaction.set_rollback(True)


@given(value=HOSTILE)
def test_a_length_is_a_number_of_seconds_or_a_clear_refusal(value):
    try:
        seconds = parse_length(value)
    except ValueError as refusal:
        assert str(refusal).strip()
    else:
        assert isinstance(seconds, int) and 1 <= seconds <= 2**31 - 1


@given(minutes=st.integers(0, 600), seconds=st.integers(0, 59))
def test_minutes_and_seconds_read_back_as_written(minutes, seconds):
    total = minutes * 60 + seconds
    if total:
        assert parse_length(f"{minutes}:{seconds:02d}") == total == parse_length(minutes_seconds(total))


@EXAMPLES
@given(
    length=st.integers(-(10**20), 10**20),
    number=st.integers(-(10**20), 10**20),
    status=st.one_of(st.sampled_from(Take.Status), st.text(max_size=12)),
)
def test_take_validation_refuses_with_a_message_or_the_database_keeps_the_take(shoot, length, number, status):
    logged_take = Take.objects.get()
    take = Take(
        shoot_day=logged_take.shoot_day, scene=logged_take.scene, rig=logged_take.rig, wearer=logged_take.wearer,
        length=length, number=number, status=status,
    )  # fmt: skip
    with transaction.atomic():
        try:
            take.full_clean()
        except ValidationError as refusal:
            assert all(messages for messages in refusal.message_dict.values())
        else:
            take.save()
            saved = Take.objects.get(pk=take.pk)
            assert (saved.length, saved.number, saved.status) == (length, number, status)
            assert 1 <= length <= 420 and number > 1 and status in Take.Status.values
        transaction.set_rollback(True)
