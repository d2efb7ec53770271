from django.db import migrations

from hhprod.lib.controls import clean_stored_text


class Migration(migrations.Migration):
    """Typed text stored before control characters were removed where text enters, made as it enters now."""

    dependencies = [("productions", "0008_person_name_key")]

    operations = [migrations.RunPython(clean_stored_text("productions"), migrations.RunPython.noop)]
