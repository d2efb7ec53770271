from django.contrib.auth.decorators import permission_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from hhprod.lib.formatting import minutes_seconds
from hhprod.planning.models import Scene, Strip
from hhprod.productions.models import Credit


@require_safe
@permission_required("planning.view_scene", raise_exception=True)
def breakdown_sheet(request, pk):
    """One scene's breakdown sheet, laid out to print on A4 portrait."""
    scene = get_object_or_404(
        Scene.objects.select_related("production", "rig").prefetch_related(
            Prefetch("cast", Credit.objects.select_related("person").order_by("role", "person__name")),
            Prefetch("strips", Strip.objects.select_related("shoot_day")),
        ),
        pk=pk,
    )
    cast = [credit for credit in scene.cast.all() if credit.role == Credit.Role.CAST]
    stunts = [credit for credit in scene.cast.all() if credit.role == Credit.Role.STUNT_PERFORMER]
    screen_time = minutes_seconds(scene.screen_seconds) if scene.screen_seconds is not None else None
    return render(
        request,
        "planning/breakdown_sheet.html",
        {"scene": scene, "cast": cast, "stunts": stunts, "screen_time": screen_time, "strips": scene.strips.all()},
    )
