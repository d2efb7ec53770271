"""Locations move to the planning app, beside the shoot days they are shot on: state only."""


import django.db.models.deletion
from django.db import migrations, models

from hhprod.lib.moves import state_only


class Migration(migrations.Migration):

    dependencies = [
        ('paperwork', '0005_stored_text_without_controls'),
        ('planning', '0007_days_calls_scenes_locations_move_in'),
        ('shooting', '0016_plan_moves_out_fault_moves_in'),
    ]

    operations = [
        state_only(
            migrations.DeleteModel(
                name='Location',
            ),
            migrations.AlterField(
                model_name='callsheetissue',
                name='shoot_day',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='call_sheet_issues', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='dayreport',
                name='shoot_day',
                field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='day_report', to='planning.shootday'),
            ),
        ),
    ]
