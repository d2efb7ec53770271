from django.contrib import admin, messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django_tables2 import RequestConfig

from hhprod.office.permissions import report_view
from hhprod.productions.models import Production

from . import exports, ical
from .catalogue import REPORTS, get_report


def report_context(request):
    """The admin's header and look, without its app sidebar: reports need the width."""
    return {**admin.site.each_context(request), "is_nav_sidebar_enabled": False}


@report_view
def index(request):
    """The production picker lands here: on the chosen report, or the first feature's overview."""
    productions = Production.objects.order_by("kind", "title")
    chosen = request.GET.get("production", "")
    production = (chosen.isdigit() and productions.filter(pk=chosen).first()) or productions.first()
    if production is None:
        return render(request, "reports/overview.html", {**report_context(request), "reports": REPORTS.values()})
    if request.GET.get("report") in REPORTS:
        return redirect("reports:report", production=production.pk, slug=request.GET["report"])
    return redirect("reports:overview", production=production.pk)


@report_view
def overview(request, production):
    production = get_object_or_404(Production, pk=production)
    return render(
        request,
        "reports/overview.html",
        {
            **report_context(request),
            "production": production,
            "productions": Production.objects.all(),
            "reports": REPORTS.values(),
            "formats": exports.FORMATS,
        },
    )


@report_view
def report_page(request, production, slug):
    report = get_report(slug)
    production = get_object_or_404(Production, pk=production)
    content = report.build(production, request.GET)
    fmt = request.GET.get("export")
    if fmt and fmt not in exports.FORMATS:
        raise Http404(f"No export format {fmt!r}; formats: {', '.join(exports.FORMATS)}")
    for _, table in content.tables:
        paginate = {"per_page": table._meta.per_page} if table.paginated and not fmt else False
        RequestConfig(request, paginate=paginate).configure(table)
    if fmt:
        try:
            return exports.download(report, production, content, fmt)
        except exports.TooLongToPrint as refusal:
            messages.warning(request, str(refusal))
            return redirect(f"{request.path}?{without_export(request.GET)}")
    return render(
        request,
        "reports/report.html",
        {
            **report_context(request),
            "report": report,
            "production": production,
            "content": content,
            "productions": Production.objects.all(),
            "reports": REPORTS.values(),
            "formats": exports.FORMATS,
        },
    )


def without_export(params):
    """The page's own query (its filters) without the download asked for."""
    params = params.copy()
    params.pop("export", None)
    return params.urlencode()


@report_view
def schedule_ics(request, production):
    production = get_object_or_404(Production, pk=production)
    response = HttpResponse(ical.schedule_ics(production), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ical.filename(production)}"'
    return response
