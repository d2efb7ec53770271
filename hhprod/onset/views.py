"""The script supervisor's take-logging page for one shoot day, and the two JSON answers its script asks for."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hhprod.figures.rig_time import wearers_on
from hhprod.imports.setvalues import parse_length
from hhprod.lib.formatting import minutes_seconds
from hhprod.lib.freetext import TEXT_LIMIT
from hhprod.lib.params import BadParameter, number_param, text_param
from hhprod.planning.models import Scene, ShootDay
from hhprod.rigs.models import Camera, Mounting, Rig, RigUnit
from hhprod.shooting.camera_report import LAST_TAKE
from hhprod.shooting.models import Take

from . import services
from .forms import TakeRowForm, row_errors, wearers_of

LOGS_TAKES = "shooting.add_take"


def day_for(request, day_id):
    if not request.user.has_perm(LOGS_TAKES):
        raise PermissionDenied("Logging takes needs the add permission on takes (Script supervisor or Producer).")
    return get_object_or_404(ShootDay.objects.select_related("production"), pk=day_id)


def refused(exception):
    return JsonResponse({"errors": {"__all__": [str(exception)]}}, status=403)


def take_row(take):
    """A saved take as the page shows it."""
    return {
        "id": take.pk,
        "slate": f"{take.scene.number}{take.setup}",
        "number": take.number,
        "length": minutes_seconds(take.length),
        "status": take.get_status_display(),
        "unit": str(take.rig_unit) if take.rig_unit_id else take.rig.name,
        "camera": take.camera.serial if take.camera_id else "",
        "wearer": take.wearer.name,
        "notes": take.notes,
    }


def rig_time_rows(day):
    return [
        {
            "wearer": person.name,
            "worn": minutes_seconds(person.seconds_worn),
            "against_limit": person.against_limit,
            "left": "" if person.seconds_left is None else minutes_seconds(max(person.seconds_left, 0)),
        }
        for person in wearers_on(day, day.production.daily_rig_limit_minutes).order_by("name")
    ]


def day_state(day):
    return {"status": day.get_status_display(), "actual_date": day.actual_date and f"{day.actual_date:%-d %b %Y}"}


@require_GET
def take_logging(request, day_id):
    day = day_for(request, day_id)
    takes = list(
        Take.objects.filter(shoot_day=day)
        .select_related("scene", "rig", "rig_unit__rig", "camera", "wearer")
        .order_by("pk")
    )
    last = takes[-1] if takes else None
    on = day.actual_date or day.scheduled_date or timezone.localdate()
    cameras_on = dict(Mounting.objects.mounted_on(on).values_list("unit_id", "camera_id"))
    rigs = Rig.objects.in_service_on(on).prefetch_related(Prefetch("units", RigUnit.objects.order_by("number")))
    entry = {
        "scene": last.scene.number if last else "",
        "setup": last.setup if last else "",
        "number": services.next_take_number(last.scene, last.setup) if last else 1,
        "unit": (f"unit-{last.rig_unit_id}" if last.rig_unit_id else f"rig-{last.rig_id}") if last else "",
        "camera": last.camera_id if last else None,
        "wearer": last.wearer_id if last else None,
    }
    return render(
        request,
        "onset/take_logging.html",
        {
            **admin.site.each_context(request),
            "is_nav_sidebar_enabled": False,  # the entry form needs the width, on a phone above all
            "day": day,
            "title": f"Log takes: {day}",
            "takes": [take_row(take) for take in takes],
            "entry": entry,
            "scenes": Scene.objects.filter(production=day.production)
            .order_by("number")
            .values_list("number", flat=True),
            "rigs": [(rig, [(unit, cameras_on.get(unit.pk)) for unit in rig.units.all()]) for rig in rigs],
            "cameras": Camera.objects.order_by("serial"),
            "wearers": wearers_of(day.production),
            "rig_time": rig_time_rows(day),
            "limit": day.production.daily_rig_limit_minutes,
            "last_take": LAST_TAKE,
            "notes_limit": TEXT_LIMIT,
            "today": timezone.localdate(),
        },
    )


@require_POST
def save_take(request, day_id):
    try:
        day = day_for(request, day_id)
    except PermissionDenied as refusal:
        return refused(refusal)
    form = TakeRowForm(request.POST, day=day)
    if not form.is_valid():
        return JsonResponse({"errors": {field: list(messages) for field, messages in form.errors.items()}}, status=400)
    try:
        take, created = services.log_take(day.pk, form.take_fields(), form.cleaned_data["key"], request.user)
    except ValidationError as error:
        return JsonResponse({"errors": row_errors(error)}, status=400)
    day.refresh_from_db(fields=["status", "actual_date"])
    fields = form.take_fields()
    return JsonResponse(
        {
            "take": take_row(take),
            "replayed": not created,
            "next_number": services.next_take_number(fields["scene"], fields["setup"]),
            "rig_time": rig_time_rows(day),
            "day": day_state(day),
        },
        status=201 if created else 200,
    )


@require_GET
def preview(request, day_id):
    """What the row being typed would be: the next take number and setup of its scene, its
    length read, and the warning when it would take its wearer past the daily limit."""
    try:
        day = day_for(request, day_id)
    except PermissionDenied as refusal:
        return refused(refusal)
    try:
        scene_number, setup = text_param(request.GET, "scene"), text_param(request.GET, "setup").upper()
        wearer_id = number_param(request.GET, "wearer")
    except BadParameter as refusal:
        return JsonResponse({"errors": {refusal.name: [str(refusal)]}}, status=400)
    scene = Scene.objects.filter(production=day.production_id, number=scene_number).first()
    answer = {"scene_found": scene is not None, "warning": None, "length_error": None}
    if scene:
        answer.update(next_number=services.next_take_number(scene, setup), next_setup=services.next_setup(scene))
    length = None
    if request.GET.get("length", "").strip():
        try:
            length = parse_length(request.GET["length"], day.production.timecode_fps)
        except ValueError as error:
            answer["length_error"] = str(error)
    wearer = None if wearer_id is None else wearers_of(day.production).filter(pk=wearer_id).first()
    answer["warning"] = services.limit_warning(day, wearer, length)
    return JsonResponse(answer)
