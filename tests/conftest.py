import pytest
from django.core.management import call_command


@pytest.fixture
def seed(db):
    """The article's data, loaded from the committed fixture."""
    call_command("loaddata", "hardcore_henry", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("office", "office@example.com", "pw")
    client.force_login(user)
    return client
