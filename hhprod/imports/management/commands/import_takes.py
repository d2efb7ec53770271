from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hhprod.imports.imports import TakeImport
from hhprod.imports.mapping import MappingRefused, applied, column_named, guess, left_out_line, remember
from hhprod.imports.setvalues import DAY_FIRST, MONTH_FIRST, timecode_rate
from hhprod.imports.takefiles import FileRefused, check_size, read_take_log
from hhprod.productions.models import Production


def override(text):
    header, sep, column = text.partition("=")
    if not sep or not header.strip():
        raise CommandError(f'--map takes "Header=column" (got {text!r}).')
    return header.strip(), column


class Command(BaseCommand):
    help = (
        "Import a take log, shot log, clip list or camera report (CSV, XLSX or Avid ALE) into a production: "
        "each column is mapped to a take-log column (guessed from its name, remembered per production, "
        '--map "Header=column" to change one; columns mapped to nothing are left out), every row is checked '
        "first and nothing is written unless every row is good. Rows count from the first take under the header."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--production", required=True, help="The production's title.")
        parser.add_argument("--dry-run", action="store_true", help="Show each row's fate; write nothing.")
        parser.add_argument("--user", help="The login to record in the takes' history as the one who imported.")
        parser.add_argument(
            "--map", action="append", default=[], metavar="HEADER=COLUMN", help='A column\'s mapping: "Shot=Setup".'
        )
        parser.add_argument(
            "--fps",
            help="The frame rate the file's timecodes count: 25, 23.976, 29.97, 59.94... (an ALE says its own).",
        )
        parser.add_argument("--day", type=int, help="The shoot day's number, for a file with no Day or Date column.")
        parser.add_argument(
            "--date-order",
            choices=[DAY_FIRST, MONTH_FIRST],
            help="How the file writes a date like 10/09/13: day first (10 September) or month first (9 October). "
            "Found from the dates when one decides it; asked when every date reads both ways.",
        )
        parser.add_argument(
            "--drop-unmapped",
            action="store_true",
            help="Leave out the columns mapped to nothing, rather than keep them aside with each take.",
        )
        parser.add_argument(
            "--skip-logged", action="store_true", help="Add only the takes not yet logged; skip the others."
        )

    def handle(self, *args, file, production, dry_run, user, map, fps, day, skip_logged, drop_unmapped, **options):
        date_order = options["date_order"]
        for argument in (str(file), production, user or "", *map):
            if "\x00" in argument:
                raise CommandError("An argument holds a NUL character; no file, title or login can.")
        try:
            production = Production.objects.get(title=production)
        except Production.DoesNotExist:
            raise CommandError(f"No production titled {production!r}.") from None
        if user is not None:
            try:
                user = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No login named {user!r}.") from None
        try:
            fps = fps and timecode_rate(fps)
        except ValueError as error:
            raise CommandError(f"--fps {error}") from None
        kind = file.suffix.lower().lstrip(".")
        if kind not in ("csv", "xlsx", "ale"):
            raise CommandError(f"{file.name}: give a .csv, .xlsx or .ale file.")
        try:
            check_size(file.stat().st_size)
            log = read_take_log(file.read_bytes(), kind)
            overrides = dict(override(text) for text in map)
            overrides = {header: column_named(column) for header, column in overrides.items()}
            headers = list(log.headers)
            columns = guess(headers, production, overrides)
            mapped, left_out = applied(log, columns, keep_others=not drop_unmapped)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None
        except (FileRefused, MappingRefused) as refusal:
            raise CommandError(f"Nothing imported: {file.name}: {refusal}") from None
        if left_out:
            self.stdout.write(left_out_line(left_out, keep_others=not drop_unmapped))

        imported = TakeImport(production, fps=fps, skip_logged=skip_logged, day=day, date_order=date_order)
        imported.run(mapped, dry_run=dry_run, user=user, file_name=file.name)
        for line in imported.lines():
            self.stdout.write(line)
        if not imported.passed:
            raise CommandError(f"Nothing imported: {file.name} has errors (above).")
        new, afterword = imported.new, imported.afterword()
        if dry_run:
            would = f"{new:,} takes would be imported into {production}{afterword}"
            self.stdout.write(f"Dry run: {would}. Nothing written.")
        else:
            remember(production, headers, columns)
            self.stdout.write(self.style.SUCCESS(f"Imported {new:,} takes into {production}{afterword}."))
