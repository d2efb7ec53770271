"""The last of the moved models leave the shooting app's state: state only."""


from django.db import migrations

from hhprod.lib.moves import state_only


class Migration(migrations.Migration):

    dependencies = [
        ('paperwork', '0006_location_moves_to_planning'),
        ('planning', '0007_days_calls_scenes_locations_move_in'),
        ('rigs', '0009_fault_moves_to_shooting'),
        ('shooting', '0016_plan_moves_out_fault_moves_in'),
    ]

    operations = [
        state_only(
            migrations.DeleteModel(
                name='ShootDay',
            ),
            migrations.DeleteModel(
                name='TakeImportUpload',
            ),
        ),
    ]
