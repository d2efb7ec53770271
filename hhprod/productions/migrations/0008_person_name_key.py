import unicodedata

from django.db import migrations, models


def name_key(name):
    """hhprod.lib.names.name_key as this migration was written."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def fill_name_keys(apps, schema_editor):
    """Each person's name key from its name. Names that are one name in another case cannot both be
    kept under the new rule, and which to keep is a person's decision: the migration stops, naming
    them, and nothing is changed."""
    model = apps.get_model("productions", "Person")
    by_key = {}
    for record in model.objects.order_by("pk"):
        record.name_key = name_key(record.name)
        by_key.setdefault(record.name_key, []).append(record)
    clashes = [same for same in by_key.values() if len(same) > 1]
    if clashes:
        named = "; ".join(", ".join(f"{record.name!r} (id {record.pk})" for record in same) for same in clashes)
        raise RuntimeError(
            f"People with the same name, in one case or another: {named}. A name is now the same in any case: "
            f"rename or merge each group in the admin, then migrate again."
        )
    model.objects.bulk_update([record for same in by_key.values() for record in same], ["name_key"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("productions", "0007_text_limit"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="name_key",
            field=models.CharField(default="", editable=False, help_text="The name, folded: see name_key().", max_length=600),
            preserve_default=False,
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(fields=("name_key",), name="person_name_unique_in_any_case"),
        ),
    ]
