"""Call sheet: a planned day from the plan, issued ahead of it; an issued sheet reprints as it went out.

Read from the plan (the day's strips, each scene's breakdown, the day's calls), never from takes:
a sheet goes out the day before. No wrap times here: those are the production report's.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from hhprod.figures.day_of import day_of, revision_note
from hhprod.figures.pages import planned_on
from hhprod.lib.expressions import GroupConcat
from hhprod.lib.formatting import long_date, short_date
from hhprod.lib.params import whole_number
from hhprod.paperwork.models import CallSheetIssue
from hhprod.planning.days import cast_numbers
from hhprod.planning.models import (
    DayCall,
    RevisionDay,
    Scene,
    ScheduleRevision,
    ShootDay,
    Strip,
    pages_and_eighths,
    strip_eighths,
)
from hhprod.productions.models import Credit
from hhprod.rigs.models import Mounting

from .call_sheet_tables import AdvanceTable, CastTable, CrewCallTable, DayNotesTable, NotesTable, SceneTable
from .content import Report, ReportContent
from .day_out_of_days import codes_on
from .days import chosen_day, day_calls, day_choices, nothing_scheduled
from .errors import NotFound
from .stored import freeze, thaw

PERFORMERS = [Credit.Role.CAST, Credit.Role.STUNT_PERFORMER]
ADVANCE_DAYS = 3
CAST_ON_SCENE = Scene.cast.through


def crew_calls(day):
    """The day's calls of everyone who is not a performer on it (the cast table has those)."""
    performers = Credit.objects.filter(production=day.production_id, role__in=PERFORMERS).values("person")
    return day_calls(day).exclude(person__in=performers)


def planned_scenes(strips, on):
    """Strips with their scene's breakdown, pages, the cast it needs (names and credit ids) and the cameras
    mounted on its rig's units."""
    cast = CAST_ON_SCENE.objects.filter(scene=OuterRef("scene")).order_by().values("scene")
    names = cast.annotate(names=GroupConcat(Coalesce(NullIf("credit__character", Value("")), "credit__person__name")))
    cameras = Value("")
    if on:
        mounted = Mounting.objects.mounted_on(on).filter(unit__rig=OuterRef("scene__rig")).order_by()
        cameras = Subquery(
            mounted.values("unit__rig").annotate(serials=GroupConcat("camera__serial", distinct=True)).values("serials")
        )
    return strips.select_related("scene__rig", "shoot_day").annotate(
        eighths=strip_eighths(),
        cast_names=Subquery(names.values("names")),
        cast_credits=Subquery(cast.annotate(ids=GroupConcat("credit")).values("ids")),
        cameras=cameras,
    )


def with_cast_ids(strips, numbers):
    """Each strip's cast as cast ID numbers, the stripboard's (`cast_numbers`): '1, 3'."""
    for strip in strips:
        credits = [int(pk) for pk in (strip.cast_credits or "").split(",") if pk]
        strip.cast_ids = ", ".join(str(n) for n in sorted(numbers[pk] for pk in credits if pk in numbers)) or None
    return strips


def day_strips(day):
    return planned_scenes(Strip.objects.filter(shoot_day=day), day.on).order_by("order")


def day_cast(day):
    """The performers the day's scenes need, and any performer called on it: character and times.
    Their status on the day is the Day Out of Days code (cast_with_codes)."""
    needed = CAST_ON_SCENE.objects.filter(scene__strips__shoot_day=day).values("credit")
    called = DayCall.objects.filter(shoot_day=day)
    times = called.filter(person=OuterRef("person"))
    return (
        Credit.objects.filter(production=day.production_id, role__in=PERFORMERS)
        .filter(Q(pk__in=needed) | Q(person__in=called.values("person")))
        .annotate(
            name=F("person__name"),
            pickup_time=Subquery(times.values("pickup_time")[:1]),
            makeup_time=Subquery(times.values("makeup_time")[:1]),
            call_time=Subquery(times.values("call_time")[:1]),
            on_set_time=Subquery(times.values("on_set_time")[:1]),
        )
        .order_by("role", "person__name")
    )


def cast_with_codes(production, day, numbers):
    """day_cast() with each performer's cast ID and code on the day as the Day Out of Days has it (SW, W,
    WF, SWF, H, PW, WD, R, F, /T): one set of rules for both papers. A day with no date has no code."""
    cast = list(day_cast(day))
    codes = codes_on(production, day.on, {credit.person_id for credit in cast}) if cast and day.on else {}
    for credit in cast:
        credit.code, credit.cast_id = codes.get(credit.person_id) or "—", numbers.get(credit.pk)
    return cast


@dataclass
class NothingPlanned:
    """The advance schedule's row for a day ahead with no scene on it yet."""

    day: int
    day_date: date | None
    part_label: str = "Nothing planned yet"
    scene: None = None
    eighths: None = None
    cast_names: None = None


def advance_schedule(day, days):
    """The scenes of the next few working days after this one in shooting order (`days`: the production's,
    annotated as day_choices() does), each day's in strip order; a day with none says so."""
    place = day.days_in_production["place"]
    ahead = [d for d in days if d.status != ShootDay.Status.CANCELLED and d.days_in_production["place"] > place]
    ahead = sorted(ahead, key=lambda d: d.days_in_production["place"])[:ADVANCE_DAYS]
    strips = planned_scenes(Strip.objects.filter(shoot_day__in=[d.pk for d in ahead]), None).order_by("order")
    by_day = defaultdict(list)
    for strip in strips:
        by_day[strip.shoot_day_id].append(strip)
    rows = []
    for upcoming in ahead:
        place, on = upcoming.days_in_production["place"], upcoming.on
        for strip in by_day[upcoming.pk]:
            strip.day, strip.day_date = place, on
        rows += by_day[upcoming.pk] or [NothingPlanned(place, on)]
    return rows


def issued_from(day):
    """The latest locked revision, with this day's number in it (None when the day was added after it)."""
    in_revision = RevisionDay.objects.filter(revision=OuterRef("pk"), shoot_day=day)
    return (
        ScheduleRevision.objects.filter(production=day.production_id)
        .annotate(day_number=Subquery(in_revision.values("number")[:1]))
        .order_by("-number")
        .first()
    )


def first_day_without_takes(days):
    return next((day for day in days if not day.has_takes), days[0])


def clock(value, missing="—"):
    return value.strftime("%H:%M") if value else missing


def shooting_call(day):
    """The shooting call, warned when it comes before the general crew call: the camera cannot roll
    before the crew is in."""
    if day.shooting_call and day.crew_call and day.shooting_call < day.crew_call:
        return f"{clock(day.shooting_call)} — before the general crew call ({clock(day.crew_call)}): check"
    return clock(day.shooting_call)


def day_notes(production, day):
    """(subject, note) rows of the notes a call sheet carries below its tables."""
    return [
        ("Background and stand-ins", day.background or "none called"),
        ("Departments", day.department_notes or "—"),
        ("Key contacts", production.key_contacts or "— (enter them on the production)"),
    ]


def build(production, params):
    if params.get("issue"):
        return reprint(production, params["issue"])
    days = list(day_choices(production))
    day = chosen_day(production, params, days, first_day_without_takes)
    if day is None:
        return nothing_scheduled([("Scenes", SceneTable([]))])
    revision, site, numbers = issued_from(day), day.site, cast_numbers(production)
    sunrise, sunset = site.sun_on(day.on) if site and day.on else (None, None)
    strips = with_cast_ids(list(day_strips(day)), numbers)
    line = day_of(production, day, revision_note(revision))
    return ReportContent(
        subtitle=f"{line} — {short_date(day.on)}",
        summary=[
            ("Day", line),
            ("Date", long_date(day.on)),
            ("General crew call", clock(day.crew_call)),
            ("Shooting call", shooting_call(day)),
            ("First meal", clock(day.meal_time)),
            ("Pages", pages_and_eighths(planned_on(day)["eighths"])),
            ("Location", site.name if site else day.location or "—"),
            ("Address", site.address if site else "—"),
            ("Nearest hospital", site.nearest_hospital if site else "—"),
            ("Location notes", site.notes if site and site.notes else "—"),
            ("Sunrise", clock(sunrise, "— (no location coordinates)")),
            ("Sunset", clock(sunset, "— (no location coordinates)")),
            ("Weather", day.weather or "to be filled in by the office"),
            ("Notes", day.notes or "—"),
            ("Issued", "not yet: the plan as it stands now"),
        ],
        tables=[
            ("Scenes", SceneTable(strips)),
            ("Cast and stunt performers", CastTable(cast_with_codes(production, day, numbers))),
            ("Crew calls", CrewCallTable(list(crew_calls(day)))),
            ("Stunt and safety notes", NotesTable([s for s in strips if s.scene.stunt_notes or s.scene.safety_notes])),
            ("Background, notes, contacts", DayNotesTable(day_notes(production, day))),
            ("Advance schedule", AdvanceTable(advance_schedule(day, days))),
        ],
        template="reports/call_sheet.html",
        layout={
            "days": days,
            "day": day,
            "revision": revision,
            "issues": CallSheetIssue.objects.filter(shoot_day=day).select_related("issued_by"),
        },
    )


def issue(production, day_number, user):
    """Issue the day's call sheet as it stands: kept whole, so it reprints unchanged after the plan moves."""
    content = build(production, {"day": str(day_number)})
    day, revision = content.layout.get("day"), content.layout.get("revision")
    if day is None:
        raise NotFound(f"{production} has no shoot days to issue a call sheet for.")
    now = timezone.now()
    plan = f"the {revision.colour} revision" if revision else "the plan (no revision locked)"
    content.summary[-1] = ("Issued", f"{timezone.localtime(now):%d %b %Y %H:%M} by {user.get_username()}, from {plan}")
    return CallSheetIssue.objects.create(
        shoot_day=day,
        revision=revision,
        revision_name=revision.colour if revision else "",
        issued_by=user,
        issued_at=now,
        content=freeze(content),
    )


def reprint(production, wanted):
    number = whole_number(str(wanted))
    found = (
        CallSheetIssue.objects.select_related("shoot_day", "issued_by")
        .filter(pk=number, shoot_day__production=production)
        .first()
        if number
        else None
    )
    if found is None:
        raise NotFound(f"{production} has no issued call sheet {str(wanted)[:20]!r}.")
    return thaw(found.content, template="reports/call_sheet.html", layout={"issue": found})


REPORT = Report(
    "call-sheet",
    "Call sheet",
    "A planned day from the plan, issued ahead: calls, location, sun, scenes, cast, rigs, notes, the days ahead.",
    build,
    per_day=True,
    paper="A4 portrait",
)
