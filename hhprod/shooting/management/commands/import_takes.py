from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hhprod.productions.models import Production
from hhprod.shooting.imports import TakeResource, row_fates
from hhprod.shooting.takefiles import FileRefused, check_size, read_take_log


class Command(BaseCommand):
    help = (
        "Import a take log (CSV or XLSX) into a production: every row is checked first and "
        "nothing is written unless every row is good. Rows count from the first take under the header."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--production", required=True, help="The production's title.")
        parser.add_argument("--dry-run", action="store_true", help="Show each row's fate; write nothing.")
        parser.add_argument("--user", help="The login to record in the takes' history as the one who imported.")

    def handle(self, *args, file, production, dry_run, user, **options):
        for argument in (str(file), production, user or ""):
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
        kind = file.suffix.lower().lstrip(".")
        if kind not in ("csv", "xlsx"):
            raise CommandError(f"{file.name}: give a .csv or .xlsx file.")
        try:
            check_size(file.stat().st_size)
            dataset = read_take_log(file.read_bytes(), kind)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None
        except FileRefused as refusal:
            raise CommandError(f"Nothing imported: {file.name}: {refusal}") from None

        resource = TakeResource(production)
        result = resource.import_data(dataset, dry_run=dry_run, user=user, file_name=file.name)
        for line in row_fates(result):
            self.stdout.write(line)
        if result.has_errors() or result.has_validation_errors():
            raise CommandError(f"Nothing imported: {file.name} has errors (above).")
        new = len(result.rows)
        scenes = f"; new scenes {', '.join(resource.new_scenes)}" if resource.new_scenes else ""
        if dry_run:
            self.stdout.write(f"Dry run: {new} takes would be imported into {production}{scenes}. Nothing written.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {new} takes into {production}{scenes}."))
