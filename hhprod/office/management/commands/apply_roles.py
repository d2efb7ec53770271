from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from hhprod.office.roles import apply_roles, describe


class Command(BaseCommand):
    help = (
        "Give each role's group exactly the permissions hhprod/office/roles.py declares: missing groups "
        "and permissions are added, any other permission a group holds is removed. migrate does this too."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        lines = describe(apply_roles(database))
        self.stdout.write("\n".join(lines) if lines else "Every role already holds exactly its declared permissions.")
