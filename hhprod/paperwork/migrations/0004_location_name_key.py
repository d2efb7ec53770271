from django.db import migrations, models

from hhprod.lib.names import fill_name_keys


class Migration(migrations.Migration):

    dependencies = [
        ("paperwork", "0003_text_limit"),
    ]

    operations = [
        migrations.AddField(
            model_name="location",
            name="name_key",
            field=models.CharField(default="", editable=False, help_text="The name, folded: see name_key().", max_length=600),
            preserve_default=False,
        ),
        migrations.RunPython(fill_name_keys("paperwork", "Location", "Locations"), migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="location",
            constraint=models.UniqueConstraint(fields=("name_key",), name="location_name_unique_in_any_case"),
        ),
        migrations.AlterField(
            model_name="location",
            name="name",
            field=models.CharField(help_text="One location a name, in any case.", max_length=200),
        ),
    ]
