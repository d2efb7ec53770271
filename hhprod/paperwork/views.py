"""Issuing a call sheet: the one write the paperwork makes outside the admin."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from hhprod.productions.models import Production
from hhprod.reports import call_sheet
from hhprod.reports.errors import NotFound


@require_POST
@permission_required("paperwork.add_callsheetissue", raise_exception=True)
def issue_call_sheet(request, production):
    production = get_object_or_404(Production, pk=production)
    page = reverse("reports:report", args=[production.pk, call_sheet.REPORT.slug])
    day = request.POST.get("day", "").strip()
    if not day:
        messages.error(request, "Choose the day whose call sheet to issue.")
        return redirect(page)
    try:
        issued = call_sheet.issue(production, day, request.user)
    except NotFound as missing:
        messages.error(request, str(missing))
        return redirect(page)
    messages.success(request, f"Call sheet for day {issued.shoot_day.number} issued: this is the sheet as it went out.")
    return redirect(f"{page}?issue={issued.pk}")
