from django.db import migrations, models

from hhprod.lib.names import fill_name_keys


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
        migrations.RunPython(fill_name_keys("productions", "Person", "People"), migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(fields=("name_key",), name="person_name_unique_in_any_case"),
        ),
    ]
