from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from hhprod.productions.models import Production
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.exports import FORMATS, render_file


class Command(BaseCommand):
    help = "Write a report to a file without a running server."

    def add_arguments(self, parser):
        parser.add_argument("name", help=f"One of: {', '.join(REPORTS)}")
        parser.add_argument("--production", required=True, help="The production's title")
        parser.add_argument("--format", default="csv", help=f"One of: {', '.join(FORMATS)}")
        parser.add_argument("--output", required=True, help="The file to write ('-' for standard output)")
        parser.add_argument("--day", help="Day number, for a report on one shoot day")

    def handle(self, name, production, format, output, day, **options):
        if name not in REPORTS:
            raise CommandError(f"Unknown report {name!r}. Reports: {', '.join(REPORTS)}")
        if format not in FORMATS:
            raise CommandError(f"Unknown format {format!r}. Formats: {', '.join(FORMATS)}")
        found = Production.objects.filter(title=production).first()
        if found is None:
            titles = "; ".join(Production.objects.values_list("title", flat=True)) or "none yet"
            raise CommandError(f"No production titled {production!r}. Productions: {titles}")
        report = REPORTS[name]
        params = QueryDict(mutable=True)
        if day:
            params["day"] = day
        content = report.build(found, params)
        data = render_file(report, found, content, format)
        if output == "-":
            self.stdout.buffer.write(data) if hasattr(self.stdout, "buffer") else self.stdout.write(data.decode())
        else:
            Path(output).write_bytes(data)
            self.stderr.write(f"Wrote {report.title} for {found} as {format.upper()} to {output} ({len(data)} bytes)")
