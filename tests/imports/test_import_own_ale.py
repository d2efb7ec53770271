"""hhprod's own ALE read back: into the production that has its takes it finds them all logged,
into the production emptied of them it recreates the same takes."""

import io

import pytest
from django.core.management import CommandError, call_command

from hhprod.shooting.models import Take

pytestmark = pytest.mark.django_db

SAME = [
    "shoot_day", "scene", "setup", "number", "length", "rig", "rig_unit", "camera", "wearer", "status", "roll",
    "clip_name", "time_of_day", "notes", "mos",
]  # fmt: skip


def exported(tmp_path):
    path = tmp_path / "henry.ale"
    call_command(
        "report", "take-log", production="Hardcore Henry", format="ale", output=str(path), stderr=io.StringIO()
    )
    return path


def import_takes(path, *options):
    out = io.StringIO()
    call_command("import_takes", str(path), "--production", "Hardcore Henry", *options, stdout=out)
    return out.getvalue().splitlines()


def takes(production):
    return list(Take.objects.filter(scene__production=production).order_by(*SAME[:4]).values_list(*SAME))


def test_the_seeds_ale_imported_into_its_production_finds_every_take_already_logged(henry, tmp_path):
    path = exported(tmp_path)
    count = Take.objects.filter(scene__production=henry).count()
    lines = import_takes(path, "--skip-logged")
    assert lines[0] == "Kept aside with each take (mapped to nothing): Name, Tracks"
    assert lines[-1] == f"Imported 0 takes into Hardcore Henry; {count:,} takes already logged, skipped."
    with pytest.raises(CommandError, match="has errors"):
        import_takes(path)


def test_the_seeds_ale_imported_into_the_production_emptied_of_its_takes_recreates_them(henry, tmp_path):
    path = exported(tmp_path)
    before = takes(henry)
    Take.objects.filter(scene__production=henry).delete()
    lines = import_takes(path)
    assert lines[-1] == f"Imported {len(before):,} takes into Hardcore Henry."
    assert takes(henry) == before
    assert Take.objects.filter(scene__production=henry).first().other_columns == {"Name": "1-1", "Tracks": "VA1A2"}
