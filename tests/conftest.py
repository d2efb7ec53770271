import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command


@pytest.fixture(autouse=True)
def cold_content_type_cache():
    """Each test starts with Django's content-type cache empty, so query counts do not depend on test order."""
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    """Logins in tests need no protection against brute force; the default hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_login_throttling(settings):
    """django-axes needs the request at every login, which the test client's login() does not pass.

    Its own tests (tests/test_hardening.py) turn it back on.
    """
    settings.AXES_ENABLED = False


@pytest.fixture
def seed(db):
    """The article's data, loaded from the committed fixture."""
    call_command("loaddata", "hardcore_henry", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("office", "office@example.com", "pw")
    client.force_login(user)
    return client
