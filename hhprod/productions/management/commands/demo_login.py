from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string


class Command(BaseCommand):
    help = "Create (or reset) the demo producer login with a fresh random password and print it."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="producer")

    def handle(self, *args, username, **options):
        # A new random password each run: nothing to guess, nothing kept in the repo.
        password = get_random_string(16)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Demo login: {username} / {password}")
