from django.db import migrations

from hhprod.lib.controls import clean_stored_text


class Migration(migrations.Migration):
    """Typed text stored before control characters were removed where text enters, made as it enters now."""

    dependencies = [("shooting", "0014_text_limit")]

    operations = [migrations.RunPython(clean_stored_text("shooting"), migrations.RunPython.noop)]
