"""The five roles: each views everything, changes its own part, and is refused the rest."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from hhprod.planning.models import DayCall, Scene, ShootDay
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take

pytestmark = pytest.mark.django_db

EVERY_MODEL = [Production, Person, Credit, Trip, Rig, Camera, ShootDay, DayCall, Scene, Take]
OWN = {
    "Producer": EVERY_MODEL,
    "Assistant director": [ShootDay, DayCall, Trip],
    "Script supervisor": [Scene, Take],
    "Rig technician": [Rig, Camera],
    "Viewer": [],
}


def url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def test_the_migration_makes_the_five_roles():
    assert set(Group.objects.values_list("name", flat=True)) == set(OWN)


@pytest.mark.parametrize("role", OWN)
def test_each_role_views_everything_and_changes_only_its_part(seed, login_as, role):
    client = login_as(role)
    for model in EVERY_MODEL:
        name, own = model.__name__, model in OWN[role]
        obj = model.objects.order_by("pk").first()
        changelist = client.get(url(model, "changelist"))
        assert changelist.status_code == 200, name
        assert (f'href="{url(model, "add")}"' in changelist.content.decode()) is own, name
        assert client.get(url(model, "add")).status_code == (200 if own else 403), name
        change = client.get(url(model, "change", obj.pk))
        assert change.status_code == 200, name
        assert ('name="_save"' in change.content.decode()) is own, name
        assert client.get(url(model, "delete", obj.pk)).status_code == (200 if own else 403), name
        assert client.get(url(model, "history", obj.pk)).status_code == 200, name


@pytest.mark.parametrize("role", [role for role, own in OWN.items() if Take not in own])
def test_a_role_without_takes_cannot_post_one(seed, login_as, role):
    client = login_as(role)
    take = Take.objects.order_by("pk").first()
    before = Take.objects.count()
    response = client.post(
        url(Take, "add"),
        {
            "scene": take.scene_id, "number": 99, "shoot_day": take.shoot_day_id, "length": 60,
            "rig": take.rig_id, "wearer": take.wearer_id, "status": "good",
        },
    )  # fmt: skip
    assert response.status_code == 403
    assert client.post(url(Take, "delete", take.pk), {"post": "yes"}).status_code == 403
    assert Take.objects.count() == before


def test_the_assistant_director_cannot_touch_a_rig(seed, login_as):
    client = login_as("Assistant director")
    rig = Rig.objects.get(version=1)
    response = client.post(url(Rig, "change", rig.pk), {"name": "v9", "version": 9, "material": "metal"})
    assert response.status_code == 403
    assert Rig.objects.get(pk=rig.pk).name == "v1"
