from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string

# One demo login per role (the groups: hhprod/office/roles.py, applied by migrate).
DEMO_LOGINS = {
    "producer": "Producer",
    "ad": "Assistant director",
    "script": "Script supervisor",
    "rigtech": "Rig technician",
    "viewer": "Viewer",
}


class Command(BaseCommand):
    help = (
        "Create the demo logins that do not exist yet, one per role, and print their random passwords. "
        "A login that exists is left as it is; --reset USERNAME gives that one a new password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", metavar="USERNAME", help=f"one of {', '.join(DEMO_LOGINS)}")

    def handle(self, *args, reset=None, **options):
        if reset is not None:
            if reset not in DEMO_LOGINS:
                raise CommandError(f"No demo login {reset!r}; the demo logins are {', '.join(DEMO_LOGINS)}.")
            user = get_user_model().objects.filter(username=reset).first()
            if user is None:
                raise CommandError(f"Demo login {reset!r} does not exist yet: run manage.py demo_login to create it.")
            self.stdout.write(self.login_line(user, DEMO_LOGINS[reset]))
            return
        for username, role in DEMO_LOGINS.items():
            user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
            if created:
                user.groups.set([Group.objects.get(name=role)])
                self.stdout.write(self.login_line(user, role))
            else:
                # Its password is whatever its user chose or was last given: printing or changing it
                # here would lock that user out.
                self.stdout.write(f"Demo login: {username} exists, password unchanged  ({role})")
        self.stdout.write("A forgotten demo password: manage.py demo_login --reset USERNAME")

    def login_line(self, user, role):
        # A random password: nothing to guess, nothing kept in the repo.
        password = get_random_string(16)
        user.set_password(password)
        user.save(update_fields=["password"])
        return f"Demo login: {user.username} / {password}  ({role})"
