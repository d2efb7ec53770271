"""Names compare in any case and script, on SQLite as on PostgreSQL: the admin's search finds ЁЛКИН by
ёлкин, a second person, rig or location of one name in another case is refused, and the import finds
the one record a name typed in any case means."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from hhprod.planning.models import Location
from hhprod.productions.models import Person
from hhprod.rigs.models import Rig
from hhprod.shooting.models import Take

from .. import factories as make
from ..admin_forms import form_data
from ..imports.test_import import HEADER, write_csv

pytestmark = pytest.mark.django_db


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def location(name):
    return Location.objects.create(
        name=name, address="Moscow", nearest_hospital="City hospital 1", latitude=55.75, longitude=37.62
    )


@pytest.mark.parametrize(
    "model, make_one, name, typed",
    [
        (Person, make.person, "ЁЛКИН", "ёлкин"),
        (Person, make.person, "Groß", "GROSS"),
        (Rig, make.rig, "ВЕРСИЯ", "версия"),
        (Location, location, "ЗАВОД", "завод"),
    ],
)
def test_the_admins_search_finds_a_name_typed_in_another_case(staff_client, model, make_one, name, typed):
    make_one(name)
    response = staff_client.get(admin_url(model, "changelist"), {"q": typed})
    assert [obj.name for obj in response.context["cl"].result_list] == [name]


def test_the_second_and_third_ёлкин_are_refused_naming_the_first(staff_client):
    first = make.person("ЁЛКИН")
    data = form_data(staff_client.get(admin_url(Person, "add")))
    for name in ["ёлкин", "Ёлкин", " ЁЛКИН "]:
        response = staff_client.post(admin_url(Person, "add"), {**data, "name": name})
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["name"] == [
            f"There is already a person named 'ЁЛКИН' (id {first.pk}): a name is the same in any case."
        ]
    assert list(Person.objects.values_list("name", flat=True)) == ["ЁЛКИН"]


@pytest.mark.parametrize(
    "model, make_one, first, second",
    [(Rig, make.rig, "ВЕРСИЯ", "версия"), (Location, location, "ЗАВОД", "Завод")],
)
def test_a_rig_or_location_of_one_name_in_another_case_is_refused(model, make_one, first, second):
    existing = make_one(first)
    other = model(**{field.name: getattr(existing, field.name) for field in model._meta.concrete_fields})
    other.pk, other.name = None, second
    with pytest.raises(ValidationError) as refused:
        other.full_clean(exclude=["version"] if model is Rig else None)
    assert refused.value.message_dict["name"] == [
        f"There is already a {model._meta.verbose_name} named {first!r} (id {existing.pk}): "
        "a name is the same in any case."
    ]


def test_the_database_refuses_a_second_person_of_one_name_in_another_case():
    make.person("ЁЛКИН")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="ёлкин")


def test_a_renamed_persons_key_follows_the_name():
    person = make.person("Ёлкин")
    person.name = "ГРОСС"
    person.save(update_fields=["name"])
    assert Person.objects.get().name_key == "гросс"


def test_the_import_finds_the_one_record_a_name_typed_in_another_case_means(tmp_path):
    prod = make.production()
    make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    rig = make.rig("ВЕРСИЯ", 1, in_service_from=date(2013, 8, 1))
    elkin, gross = make.wearer(prod, "ЁЛКИН"), make.wearer(prod, "Groß")
    make.unit(rig, 2)
    rows = [
        [1, "", "12", 1, "0:30", "версия", "", "ёлкин", "G", ""],
        [1, "", "12", 2, "0:30", "Версия", "", "GROSS", "G", ""],
    ]
    path = write_csv(tmp_path, rows, HEADER)
    call_command("import_takes", str(path), "--production", prod.title, stdout=io.StringIO())
    taken = list(Take.objects.order_by("number").values_list("rig", "wearer"))
    assert taken == [(rig.pk, elkin.pk), (rig.pk, gross.pk)]


def test_the_import_finds_a_unit_by_its_rig_typed_in_another_case(tmp_path):
    prod = make.production()
    make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    unit = make.unit(make.rig("ВЕРСИЯ", 1, in_service_from=date(2013, 8, 1)), 2)
    make.wearer(prod, "ЁЛКИН")
    header = ["Day", "Scene", "Take", "Length", "Unit", "Wearer"]
    path = write_csv(tmp_path, [[1, "12", 1, "0:30", "версия  #2", "ёлкин"]], header)
    call_command("import_takes", str(path), "--production", prod.title, stdout=io.StringIO())
    assert Take.objects.get().rig_unit == unit


BEFORE = ("productions", "0007_text_limit")


def migrate(to):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(to)
    return executor.loader.project_state(to).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_keys_of_the_people_already_entered():
    old = migrate([BEFORE])
    try:
        old.get_model("productions", "Person").objects.create(name="ЁЛКИН")
        old.get_model("productions", "Person").objects.create(name="Groß  Ilya")
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert list(Person.objects.order_by("pk").values_list("name_key", flat=True)) == ["ёлкин", "gross ilya"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_stops_naming_people_of_one_name_in_another_case():
    old = migrate([BEFORE])
    try:
        upper, lower = (old.get_model("productions", "Person").objects.create(name=name) for name in ["ЁЛКИН", "ёлкин"])
        old.get_model("productions", "Person").objects.create(name="Ilya Naishuller")
        with pytest.raises(RuntimeError) as stopped:
            migrate([("productions", "0008_person_name_key")])
        assert str(stopped.value).startswith(
            f"People with the same name, in one case or another: 'ЁЛКИН' (id {upper.pk}), 'ёлкин' (id {lower.pk}). "
        )
        old.get_model("productions", "Person").objects.filter(name="ёлкин").update(name="Ёлкин (double)")
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert list(Person.objects.order_by("pk").values_list("name_key", flat=True)) == [
        "ёлкин",
        "ёлкин (double)",
        "ilya naishuller",
    ]
