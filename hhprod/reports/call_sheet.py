"""Call sheet: a planned day from the plan, issued ahead of it; an issued sheet reprints as it went out.

Read from the plan (the day's strips, each scene's breakdown, the day's calls), never from takes:
a sheet goes out the day before. No wrap times here: those are the production report's.
"""

import django_tables2 as tables
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from hhprod.figures.day_of import day_of, revision_note
from hhprod.lib.expressions import GroupConcat
from hhprod.lib.formatting import long_date, short_date
from hhprod.lib.params import whole_number
from hhprod.paperwork.models import CallSheetIssue
from hhprod.planning.models import DayCall, RevisionDay, Scene, ScheduleRevision, ShootDay, Strip, strip_eighths
from hhprod.productions.models import Credit
from hhprod.rigs.models import Mounting

from .columns import ClockColumn, ListColumn, PagesColumn, RolesColumn, StackedTable
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
    """Strips with their scene's breakdown, pages, the cast it needs and the cameras mounted on its rig's units."""
    cast = (
        CAST_ON_SCENE.objects.filter(scene=OuterRef("scene"))
        .order_by()
        .values("scene")
        .annotate(names=GroupConcat(Coalesce(NullIf("credit__character", Value("")), "credit__person__name")))
        .values("names")
    )
    cameras = Value("")
    if on:
        mounted = Mounting.objects.mounted_on(on).filter(unit__rig=OuterRef("scene__rig")).order_by()
        cameras = Subquery(
            mounted.values("unit__rig").annotate(serials=GroupConcat("camera__serial", distinct=True)).values("serials")
        )
    return strips.select_related("scene__rig", "shoot_day").annotate(
        eighths=strip_eighths(), cast_names=Subquery(cast), cameras=cameras
    )


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


def cast_with_codes(production, day):
    """day_cast() with each performer's code on the day as the Day Out of Days has it (SW, W, WF, SWF,
    H, PW, WD, R, F, /T): one set of rules for both papers. A day with no date has no code."""
    cast = list(day_cast(day))
    codes = codes_on(production, day.on, {credit.person_id for credit in cast}) if cast and day.on else {}
    for credit in cast:
        credit.code = codes.get(credit.person_id) or "—"
    return cast


def advance_schedule(day):
    """The scenes of the next few working days after this one, in shooting order."""
    upcoming = (
        ShootDay.objects.filter(production=day.production_id, number__gt=day.number)
        .working()
        .order_by("number")
        .values("pk")[:ADVANCE_DAYS]
    )
    strips = Strip.objects.filter(shoot_day__in=upcoming).annotate(
        day_date=Coalesce("shoot_day__scheduled_date", "shoot_day__actual_date")
    )
    return planned_scenes(strips, None).order_by("shoot_day__number", "order")


def issued_from(day):
    """The latest locked revision, with this day's number in it (None when the day was added after it)."""
    in_revision = RevisionDay.objects.filter(revision=OuterRef("pk"), shoot_day=day)
    return (
        ScheduleRevision.objects.filter(production=day.production_id)
        .annotate(day_number=Subquery(in_revision.values("number")[:1]))
        .order_by("-number")
        .first()
    )


class SceneTable(StackedTable):
    part_label = tables.Column("Scene")
    set_name = tables.Column("Set", accessor="scene__set_name")
    setting = tables.Column("INT/EXT", accessor="scene__get_setting_display")
    time_of_day = tables.Column("D/N", accessor="scene__get_time_of_day_display")
    eighths = PagesColumn("Pages")
    synopsis = tables.Column("Synopsis", accessor="scene__synopsis")
    cast_names = ListColumn("Cast")
    rig = tables.Column("Rig", accessor="scene__rig__name", default="—")
    cameras = ListColumn("Camera", default="—")

    class Meta(StackedTable.Meta):
        empty_text = "No scene planned on this day yet: put strips on it in the plan."


class CastTable(StackedTable):
    name = tables.Column("Name")
    character = tables.Column("Character")
    role = tables.Column("Role", accessor="get_role_display")
    code = tables.Column("Status")
    pickup_time = ClockColumn("Pickup", default="—")
    makeup_time = ClockColumn("Make-up", default="—")
    call_time = ClockColumn("Call", default="—")
    on_set_time = ClockColumn("On set", default="—")

    class Meta(StackedTable.Meta):
        empty_text = "No performer needed or called."


class CrewCallTable(StackedTable):
    name = tables.Column("Name")
    roles = RolesColumn("Role", empty_values=())
    call_time = ClockColumn("Call")

    class Meta(StackedTable.Meta):
        empty_text = "No crew call entered yet."


class NotesTable(StackedTable):
    part_label = tables.Column("Scene")
    stunt_notes = tables.Column("Stunts", accessor="scene__stunt_notes")
    safety_notes = tables.Column("Safety", accessor="scene__safety_notes")

    class Meta(StackedTable.Meta):
        empty_text = "No stunt or safety notes on the day's scenes."


class AdvanceTable(StackedTable):
    day = tables.Column("Day", accessor="shoot_day__number")
    day_date = tables.DateColumn(verbose_name="Date", format="D j M", default="no date yet")
    part_label = tables.Column("Scene")
    setting = tables.Column("INT/EXT", accessor="scene__get_setting_display")
    time_of_day = tables.Column("D/N", accessor="scene__get_time_of_day_display")
    eighths = PagesColumn("Pages")
    synopsis = tables.Column("Synopsis", accessor="scene__synopsis")
    cast_names = ListColumn("Cast")

    class Meta(StackedTable.Meta):
        empty_text = "Nothing planned on the next days."


def first_day_without_takes(days):
    return next((day for day in days if not day.has_takes), days[0])


def clock(value, missing="—"):
    return value.strftime("%H:%M") if value else missing


def build(production, params):
    if params.get("issue"):
        return reprint(production, params["issue"])
    days = list(day_choices(production))
    day = chosen_day(production, params, days, first_day_without_takes)
    if day is None:
        return nothing_scheduled([("Scenes", SceneTable([]))])
    revision, site = issued_from(day), day.site
    sunrise, sunset = site.sun_on(day.on) if site and day.on else (None, None)
    strips = list(day_strips(day))
    line = day_of(production, day, revision_note(revision))
    return ReportContent(
        subtitle=f"{line} — {short_date(day.on)}",
        summary=[
            ("Day", line),
            ("Date", long_date(day.on)),
            ("General crew call", clock(day.crew_call)),
            ("Shooting call", clock(day.shooting_call)),
            ("Location", site.name if site else day.location or "—"),
            ("Address", site.address if site else "—"),
            ("Nearest hospital", site.nearest_hospital if site else "—"),
            ("Sunrise", clock(sunrise, "— (no location coordinates)")),
            ("Sunset", clock(sunset, "— (no location coordinates)")),
            ("Weather", day.weather or "to be filled in by the office"),
            ("Notes", day.notes or "—"),
            ("Issued", "not yet: the plan as it stands now"),
        ],
        tables=[
            ("Scenes", SceneTable(strips)),
            ("Cast and stunt performers", CastTable(cast_with_codes(production, day))),
            ("Crew calls", CrewCallTable(list(crew_calls(day)))),
            ("Stunt and safety notes", NotesTable([s for s in strips if s.scene.stunt_notes or s.scene.safety_notes])),
            ("Advance schedule", AdvanceTable(list(advance_schedule(day)))),
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
