from django.db import migrations, models

from hhprod.lib.names import fill_name_keys


class Migration(migrations.Migration):

    dependencies = [
        ("rigs", "0006_text_limit"),
    ]

    operations = [
        migrations.AddField(
            model_name="rig",
            name="name_key",
            field=models.CharField(default="", editable=False, help_text="The name, folded: see name_key().", max_length=600),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalrig",
            name="name_key",
            field=models.CharField(default="", editable=False, help_text="The name, folded: see name_key().", max_length=600),
            preserve_default=False,
        ),
        migrations.RunPython(fill_name_keys("rigs", "Rig", "Rigs"), migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="rig",
            constraint=models.UniqueConstraint(fields=("name_key",), name="rig_name_unique_in_any_case"),
        ),
        migrations.AlterField(
            model_name="historicalrig",
            name="name",
            field=models.CharField(help_text='For example "v1"; one rig a name, in any case.', max_length=100),
        ),
        migrations.AlterField(
            model_name="rig",
            name="name",
            field=models.CharField(help_text='For example "v1"; one rig a name, in any case.', max_length=100),
        ),
    ]
