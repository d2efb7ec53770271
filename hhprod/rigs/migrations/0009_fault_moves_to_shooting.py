"""Rig faults move to the shooting app (a fault is reported on a shoot day): state only, the table stays."""


from django.db import migrations

from hhprod.lib.moves import state_only


class Migration(migrations.Migration):

    # The first step of the move: after every migration of the layout before it, so that none of
    # them meets a model half moved.
    dependencies = [
        ('feeds', '0001_calendar_feeds'),
        ('office', '0004_paperwork_roles'),
        ('onset', '0001_logged_take'),
        ('paperwork', '0005_stored_text_without_controls'),
        ('planning', '0006_stored_text_without_controls'),
        ('productions', '0009_stored_text_without_controls'),
        ('rigs', '0008_stored_text_without_controls'),
        ('shooting', '0015_stored_text_without_controls'),
    ]

    operations = [
        state_only(
            migrations.RemoveField(
                model_name='historicalfault',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalfault',
                name='shoot_day',
            ),
            migrations.RemoveField(
                model_name='historicalfault',
                name='unit',
            ),
            migrations.DeleteModel(
                name='Fault',
            ),
            migrations.DeleteModel(
                name='HistoricalFault',
            ),
        ),
    ]
