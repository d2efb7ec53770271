from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

# One demo login per role (the groups come from office's 0001_roles migration).
DEMO_LOGINS = {
    "producer": "Producer",
    "ad": "Assistant director",
    "script": "Script supervisor",
    "rigtech": "Rig technician",
    "viewer": "Viewer",
}


class Command(BaseCommand):
    help = "Create (or reset) one demo login per role, each with a fresh random password, and print them."

    def handle(self, *args, **options):
        for username, role in DEMO_LOGINS.items():
            # A new random password each run: nothing to guess, nothing kept in the repo.
            password = get_random_string(16)
            user, _ = get_user_model().objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = False
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            self.stdout.write(f"Demo login: {username} / {password}  ({role})")
