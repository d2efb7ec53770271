"""A report's big files, written by a worker: a long PDF, the Day Out of Days PDF, a long XLSX.

The page queues the file and shows its job's page (hhprod.jobs), which offers the file for a day
when it is ready. Built from the same query string as the page, so it holds what the page showed.
"""

from django.http import QueryDict
from django_tasks import task

from hhprod.jobs.models import Progress
from hhprod.productions.models import Production
from hhprod.productions.timezones import use_production_time_zone

from . import exports
from .catalogue import get_report


@task(takes_context=True)
def write_report_file(context, production, slug, params, fmt):
    progress = Progress(context.task_result.id, "rows written")
    production = Production.objects.get(pk=production)
    use_production_time_zone(production)
    report = get_report(slug)
    writer = exports.writer_for(report, fmt)
    content = exports.built(report, production, QueryDict(params))
    rows = exports.rows(content)
    progress(0, rows)
    data = b"".join(writer.write(report, production, content))
    name = exports.filename(report, production, content, fmt)
    progress.keep(name, writer.content_type, data)
    progress(rows, rows)
    return {"message": f"{name} is ready ({len(data) / 2**20:.1f} MB)."}
