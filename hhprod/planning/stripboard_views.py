"""The stripboard: the current schedule as strips, for the producer and the AD to move; read by every role."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from hhprod.lib.controls import ControlCharactersRemoved
from hhprod.lib.params import number_param
from hhprod.planning.models import ScheduleRevision, ShootDay, pages_and_eighths
from hhprod.productions.models import Production

from .board import add_day, move_strip, undo_last_move
from .days import stripboard as read_board
from .days import with_plan_figures
from .revisions import lock_schedule

CAN_MOVE = "planning.change_strip"
CAN_LOCK = "planning.add_schedulerevision"
CAN_ADD_DAY = "planning.add_shootday"


class MoveForm(forms.Form):
    """One move as the board's script sends it: which strip, to which day (empty: the boneyard), at which place."""

    scene = forms.IntegerField(min_value=1)
    part = forms.IntegerField(min_value=1, required=False)  # empty: part 1
    day = forms.IntegerField(min_value=1, required=False)
    position = forms.IntegerField(min_value=1)
    version = forms.IntegerField(min_value=0)


class LockForm(ControlCharactersRemoved, forms.Form):
    name = forms.CharField(max_length=200, help_text='For example "Rig rebuild: block 2 added".')
    dated = forms.DateField(label="Revision date", initial=timezone.localdate)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


class AddDayForm(ControlCharactersRemoved, forms.ModelForm):
    """A new day after the last: its date if known, and why it is added (locking asks for it)."""

    class Meta:
        model = ShootDay
        fields = ["scheduled_date", "change_cause", "change_note"]
        labels = {"scheduled_date": "Date"}
        help_texts = {
            "scheduled_date": "Empty if not known yet.",
            "change_cause": "Why the day is added: locking the next revision asks for it.",
        }
        widgets = {"scheduled_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, production, **kwargs):
        super().__init__(*args, **kwargs)
        # Once a baseline is locked, a day added is a change the producer reports: it needs its cause.
        self.fields["change_cause"].required = (
            ScheduleRevision.objects.baseline().filter(production=production).exists()
        )


def board_page(request, production, lock_form=None, add_day_form=None):
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "title": f"Stripboard — {production}",
        "production": production,
        "productions": Production.objects.order_by("kind", "title"),
        "board": read_board(production),
        "can_move": request.user.has_perm(CAN_MOVE),
        "can_lock": request.user.has_perm(CAN_LOCK),
        "lock_form": lock_form or LockForm(),
        "can_add_day": (can_add_day := request.user.has_perm(CAN_ADD_DAY)),
        "add_day_form": add_day_form or (AddDayForm(production=production) if can_add_day else None),
    }
    return render(request, "planning/stripboard.html", context)


@require_safe
@permission_required("planning.view_strip", raise_exception=True)
def stripboard_index(request):
    """The first production's board, or the one the picker names."""
    chosen = number_param(request.GET, "production")
    productions = Production.objects.order_by("kind", "title")
    production = productions.first() if chosen is None else get_object_or_404(productions, pk=chosen)
    if production is None:
        return render(request, "planning/stripboard.html", {**admin.site.each_context(request), "board": None})
    return redirect("stripboard", production=production.pk)


@require_safe
@permission_required("planning.view_strip", raise_exception=True)
def stripboard(request, production):
    return board_page(request, get_object_or_404(Production, pk=production))


def answer(production, moved, client_version):
    """The server's word on a move: the board's version, whether others moved meanwhile, the days' new totals."""
    move = moved.move
    days = [day for day in (move.from_day_id, move.to_day_id) if day] if move else []
    totals = with_plan_figures(production.shoot_days.filter(pk__in=days)).values("pk", "strip_count", "planned_eighths")
    if move is None:
        message = "The strip is already there."
    elif move.to_day_id is None:
        message = f"Scene {move.scene.number} is off the schedule, in the boneyard."
    else:
        message = f"Scene {move.scene.number} is on day {move.to_day.number}, place {move.to_order}."
    return JsonResponse(
        {
            "version": moved.version,
            "stale": moved.version_before != client_version,
            "message": ("Undone: " if move and move.undoes_id else "") + message,
            "day": move.to_day_id if move else None,
            "position": move.to_order if move else None,
            "days": {
                day["pk"]: {"scenes": day["strip_count"], "pages": pages_and_eighths(day["planned_eighths"] or 0)}
                for day in totals
            },
        }
    )


def refused(refusal):
    return JsonResponse({"error": " ".join(refusal.messages)}, status=409)


@require_POST
@permission_required(CAN_MOVE, raise_exception=True)
def move(request, production):
    production = get_object_or_404(Production, pk=production)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": "The move was not understood: reload the board."}, status=400)
    data = form.cleaned_data
    try:
        moved = move_strip(
            production, data["scene"], data["part"] or 1, data["day"], data["position"], user=request.user
        )
    except ValidationError as refusal:
        return refused(refusal)
    return answer(production, moved, data["version"])


@require_POST
@permission_required(CAN_MOVE, raise_exception=True)
def undo(request, production):
    production = get_object_or_404(Production, pk=production)
    try:
        moved = undo_last_move(production, request.user)
    except ValidationError as refusal:
        return refused(refusal)
    return answer(production, moved, -1)


@require_POST
@permission_required(CAN_LOCK, raise_exception=True)
def lock(request, production):
    """Lock the board as the next revision; a refusal (a day with no cause) shows on the board's lock form."""
    production = get_object_or_404(Production, pk=production)
    form = LockForm(request.POST)
    if form.is_valid():
        try:
            revision = lock_schedule(production, user=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, f"Locked {revision}.")
            return redirect("stripboard", production=production.pk)
    return board_page(request, production, lock_form=form)


@require_POST
@permission_required(CAN_ADD_DAY, raise_exception=True)
def add_day_view(request, production):
    """Add an empty day after the last (Movie Magic's day break); the board opens on it, to place strips."""
    production = get_object_or_404(Production, pk=production)
    form = AddDayForm(request.POST, production=production)
    if form.is_valid():
        data = form.cleaned_data
        day = add_day(
            production,
            scheduled_date=data["scheduled_date"],
            cause=data["change_cause"],
            note=data["change_note"],
            user=request.user,
        )
        messages.success(request, f"Day {day.number} added, empty: drag strips onto it, or use “Move…”.")
        return redirect(reverse("stripboard", kwargs={"production": production.pk}) + f"#day-{day.pk}")
    return board_page(request, production, add_day_form=form)
