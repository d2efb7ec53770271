from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

# The apps whose records the article's fixture holds.
OFFICE_APPS = ["productions", "rigs", "shooting"]


class Command(BaseCommand):
    help = (
        "Load the article's data (fixture hardcore_henry) into an empty database. A database that holds "
        "any production, person, rig, day or take is left as it is: loading over it would undo its edits."
    )

    def handle(self, *args, **options):
        held = {
            model._meta.verbose_name_plural: count
            for app in OFFICE_APPS
            for model in apps.get_app_config(app).get_models()
            if (count := model.objects.count())
        }
        if held:
            counts = ", ".join(f"{count} {name}" for name, count in held.items())
            self.stdout.write(
                f"The database already holds {counts}: the seed is not loaded, as it would overwrite "
                "their edits (manage.py loaddata hardcore_henry reloads it over them on purpose)."
            )
            return
        call_command("loaddata", "hardcore_henry", verbosity=0)
        self.stdout.write("Loaded the article's data (fixture hardcore_henry) into the empty database.")
