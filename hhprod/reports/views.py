"""The report pages and downloads: thin; a report's refusal becomes a 404 or a message here."""

import re

from django.contrib import admin, messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hhprod.jobs.models import Job
from hhprod.lib.params import whole_number
from hhprod.office.permissions import report_view
from hhprod.productions.models import Production
from hhprod.productions.timezones import use_production_time_zone

from . import call_sheet, exports
from .catalogue import REPORTS, get_report
from .errors import NotFound, Refused
from .tasks import write_report_file
from .writers import pdf

# A download link's ticket (download.js): a few letters and digits, nothing else goes into the cookie.
TICKET = re.compile(r"[a-z0-9]{1,20}")
# The most rows a page of a report table shows, whatever `?per_page=` asks: the downloads hold them all.
MAX_PER_PAGE = 500


def report_context(request, production=None, report=None):
    """The admin's header and look, without its app sidebar (reports need the width), and the report menu."""
    return {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "production": production,
        "report": report,
        "productions": Production.objects.all(),
        "reports": REPORTS.values(),
    }


@report_view
def index(request):
    """The production picker lands here: on the chosen report, or the first feature's overview."""
    productions = Production.objects.features_first()
    # The picker only ever sends a production's id: any other value falls back to the first one.
    chosen = whole_number(request.GET.get("production"))
    production = (chosen and productions.filter(pk=chosen).first()) or productions.first()
    if production is None:
        return render(request, "reports/overview.html", report_context(request))
    if request.GET.get("report") in REPORTS:
        return redirect("reports:report", production=production.pk, slug=request.GET["report"])
    return redirect("reports:overview", production=production.pk)


@report_view
def overview(request, production):
    production = get_object_or_404(Production, pk=production)
    use_production_time_zone(production)
    reports = [(report, exports.formats_of(report)) for report in REPORTS.values()]
    return render(request, "reports/overview.html", {**report_context(request, production), "catalogue": reports})


@require_POST
@permission_required("paperwork.add_callsheetissue", raise_exception=True)
def issue_call_sheet(request, production):
    """Issuing a call sheet: the one write the paperwork gets outside the admin, from the call sheet report's page."""
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


def configure(table, params, paginate):
    """Sort and paginate a table from the query: unknown sort keys are ignored, a bad page number
    shows the first page, and a page is never longer than MAX_PER_PAGE rows."""
    if order := params.getlist("sort"):
        table.order_by = order
    if not paginate:
        return
    # Without ?per_page= the table's own Meta.per_page holds (paginate's default).
    per_page = whole_number(params.get("per_page"))
    try:
        table.paginate(page=whole_number(params.get("page")) or 1, per_page=per_page and min(per_page, MAX_PER_PAGE))
    except (PageNotAnInteger, EmptyPage):
        table.page = table.paginator.page(table.paginator.num_pages)


@report_view
def report_page(request, production, slug):
    return show(request, production, slug, request.GET.get("export"))


@report_view
def schedule_ics(request, production):
    """The schedule's calendar feed, at the address calendars already subscribe to."""
    return show(request, production, "schedule", "ics")


def show(request, production, slug, fmt):
    """The report as a page, or as a file in `fmt`."""
    production = get_object_or_404(Production, pk=production)
    use_production_time_zone(production)
    try:
        report = get_report(slug)
        writer = exports.writer_for(report, fmt) if fmt else None
        if writer and not writer.reads_content:
            return download(report, production, None, writer, request.GET.get("download"))
        content = report.build(production, request.GET)
        for _, table in content.tables:
            table.request = request
            configure(table, request.GET, paginate=table.paginated and not fmt)
        if writer and exports.in_background(report, content, writer.extension):
            return queue_file(request, production, report, content, writer)
        if writer:
            return download(report, production, content, writer, request.GET.get("download"))
    except NotFound as missing:
        raise Http404(str(missing)) from None
    except Refused as refusal:
        messages.warning(request, str(refusal))
        return redirect(f"{request.path}?{without_export(request.GET)}")
    context = {**report_context(request, production, report), "content": content, "formats": exports.formats_of(report)}
    return render(request, "reports/report.html", context)


def download(report, production, content, writer, ticket=None):
    """A response carrying the file; CSV streams row by row so a long take log stays flat in memory.

    `ticket` is the download link's: a cookie carrying it tells the page (download.js) the file has started."""
    chunks = writer.write(report, production, content)
    if writer.streams:
        response = StreamingHttpResponse(chunks, content_type=writer.content_type)
    else:
        response = HttpResponse(b"".join(chunks), content_type=writer.content_type)
    name = exports.filename(report, production, content, writer.extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if ticket and TICKET.fullmatch(ticket):
        response.set_cookie("download", ticket, max_age=60, samesite="Lax")
    return response


def queue_file(request, production, report, content, writer):
    """A big file, asked of a worker: its job's page says when it is ready and offers it for a day."""
    if writer.extension == "pdf":
        pdf.check_printable(report, content)  # refused now rather than by the worker
    params = without_export(request.GET)
    name = exports.filename(report, production, content, writer.extension)
    task_arguments = {"production": production.pk, "slug": report.slug, "params": params, "fmt": writer.extension}
    job = Job.objects.start(write_report_file, request.user, f"{writer.label}: {name}", **task_arguments)
    return redirect("jobs:job", job.pk)


def without_export(params):
    """The page's own query (its filters) without the download asked for."""
    params = params.copy()
    params.pop("export", None)
    params.pop("download", None)
    return params.urlencode()
