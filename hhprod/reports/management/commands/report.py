from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from hhprod.productions.models import Production
from hhprod.reports.catalogue import REPORTS, get_report
from hhprod.reports.errors import ReportError
from hhprod.reports.exports import WRITERS, build_file


class Command(BaseCommand):
    help = "Write a report to a file without a running server."

    def add_arguments(self, parser):
        parser.add_argument("name", help=f"One of: {', '.join(REPORTS)}")
        parser.add_argument("--production", required=True, help="The production's title")
        parser.add_argument(
            "--format",
            default="csv",
            help=f"One of: {', '.join(WRITERS)} (ics: the schedule only; ale: the take log only)",
        )
        parser.add_argument("--output", required=True, help="The file to write ('-' for standard output)")
        parser.add_argument("--day", help="Day number, for a report on one shoot day")
        parser.add_argument("--issue", help="An issued call sheet's number, to reprint it as it went out")

    def handle(self, name, production, format, output, day, issue=None, **options):
        try:
            report = get_report(name)
            found = self.production(production)
            params = QueryDict(mutable=True)
            if day:
                params["day"] = day
            if issue:
                params["issue"] = issue
            data = build_file(report, found, params, format)
        except ReportError as refusal:
            raise CommandError(str(refusal)) from None
        if output == "-":
            self.stdout.buffer.write(data) if hasattr(self.stdout, "buffer") else self.stdout.write(data.decode())
            return
        try:
            Path(output).write_bytes(data)
        except (OSError, ValueError) as failure:
            reason = getattr(failure, "strerror", None) or str(failure)
            raise CommandError(f"Cannot write {output[:200]!r}: {reason}.") from None
        self.stderr.write(f"Wrote {report.title} for {found} as {format.upper()} to {output} ({len(data)} bytes)")

    def production(self, title):
        if "\x00" not in title and (found := Production.objects.filter(title=title).first()):
            return found
        titles = "; ".join(Production.objects.values_list("title", flat=True)) or "none yet"
        raise CommandError(f"No production titled {title[:200]!r}. Productions: {titles}")
