"""A version on a History page is reverted only by a role that may change that model, as on its change page."""

from datetime import date, time

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from hhprod.planning.models import DayCall, ShootDay
from hhprod.productions.models import Credit, Trip
from hhprod.rigs.models import Rig
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db

# Each tracked model, one field a user later changed, and the roles that may change the model.
CHANGES = {
    Take: ("length", 300, {"Producer", "Script supervisor"}),
    ShootDay: ("location", "Moscow", {"Producer", "Assistant director"}),
    DayCall: ("call_time", time(6, 30), {"Producer", "Assistant director"}),
    Trip: ("destination", "Cape Town", {"Producer", "Assistant director"}),
    Rig: ("weight_grams", 900, {"Producer", "Rig technician"}),
    Credit: ("character", "Henry", {"Producer"}),
}
ROLES = ["Producer", "Assistant director", "Script supervisor", "Rig technician", "Viewer"]


@pytest.fixture
def changed():
    """One record of each tracked model, each edited once after it was made: two versions apiece."""
    prod = make.production()
    day = make.shoot_day(prod)
    rig = make.rig()
    wearer = make.wearer(prod)
    make.take(day, make.scene(prod), rig, wearer)
    make.call(day, wearer)
    make.trip(wearer, prod, date(2013, 9, 1), date(2013, 9, 5))
    for model, (field, value, _) in CHANGES.items():
        obj = model.objects.get()
        setattr(obj, field, value)
        obj.save()


def first_version(model):
    obj = model.objects.get()
    return obj, obj.history.earliest()


def revert_url(obj, version):
    name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_simple_history"
    return reverse(name, args=[obj.pk, version.history_id])


def revert_form(version):
    """What the History page's form posts back for that version: every editable field's value then."""
    values = model_to_dict(version.instance)
    return {name: value for name, value in values.items() if value is not None and value is not False}


CASES = [(model, role) for model in CHANGES for role in ROLES]


@pytest.mark.parametrize("model, role", CASES, ids=[f"{m.__name__}-{r}" for m, r in CASES])
def test_reverting_a_version_needs_the_change_permission(changed, login_as, model, role):
    field, value, may_change = CHANGES[model]
    client = login_as(role)
    obj, version = first_version(model)
    versions = obj.history.count()

    response = client.post(revert_url(obj, version), revert_form(version))

    obj.refresh_from_db()
    if role in may_change:
        assert response.status_code == 302, response.content.decode()[-2000:]
        assert getattr(obj, field) == getattr(version, field) != value
        assert obj.history.count() == versions + 1
    else:
        assert response.status_code == 403
        assert getattr(obj, field) == value
        assert obj.history.count() == versions


@pytest.mark.parametrize("model", CHANGES, ids=lambda m: m.__name__)
def test_a_staff_login_with_no_role_cannot_revert(changed, login_as, model):
    field, value, _ = CHANGES[model]
    client = login_as(None)
    obj, version = first_version(model)
    assert client.post(revert_url(obj, version), revert_form(version)).status_code == 403
    obj.refresh_from_db()
    assert getattr(obj, field) == value


@pytest.mark.parametrize("model", CHANGES, ids=lambda m: m.__name__)
def test_a_viewer_sees_an_old_version_without_a_revert_button(changed, login_as, model):
    client = login_as("Viewer")
    obj, version = first_version(model)
    page = client.get(revert_url(obj, version))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()


def test_a_producer_sees_the_revert_button(changed, login_as):
    obj, version = first_version(Take)
    page = login_as("Producer").get(revert_url(obj, version))
    assert 'name="_save"' in page.content.decode()
