"""The longer drop rule follows where the production is shot (outside the USA), not a distant
location; travel as paid work and the call sheet's key contacts become production settings.
The two drop-rule fields are renamed, so an office's values carry over."""

from django.db import migrations, models

import hhprod.lib.freetext


class Migration(migrations.Migration):

    dependencies = [
        ('productions', '0009_stored_text_without_controls'),
    ]

    operations = [
        migrations.RenameField('production', 'on_distant_location', 'shot_outside_usa'),
        migrations.RenameField('production', 'location_drop_days', 'abroad_drop_days'),
        migrations.AlterField(
            model_name='production',
            name='abroad_drop_days',
            field=models.PositiveIntegerField(default=14, help_text='The same rule for a production shot outside the USA: 14 days.', verbose_name='drop rule abroad (calendar days)'),
        ),
        migrations.AlterField(
            model_name='production',
            name='shot_outside_usa',
            field=models.BooleanField(default=False, help_text="The longer drop rule applies (SAG-AFTRA's rule for productions abroad); a distant location alone does not bring it.", verbose_name='shot outside the USA'),
        ),
        migrations.AddField(
            model_name='production',
            name='travel_is_work',
            field=models.BooleanField(default=True, help_text="A performer's travel day is a paid work day (T): it opens or closes their run of work and holds.", verbose_name='travel is paid work'),
        ),
        migrations.AddField(
            model_name='production',
            name='key_contacts',
            field=hhprod.lib.freetext.FreeTextField(blank=True, help_text='Printed on every call sheet: the production office, the UPM, the 1st AD, with their telephones.'),
        ),
    ]
