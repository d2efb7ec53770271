"""Days, calls and scenes leave for the planning app, uploads for imports; rig faults arrive: state only."""


import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import hhprod.lib.freetext
import hhprod.lib.versions
from hhprod.lib.moves import content_types_moved, state_only


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('planning', '0007_days_calls_scenes_locations_move_in'),
        ('rigs', '0009_fault_moves_to_shooting'),
        ('shooting', '0015_stored_text_without_controls'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        state_only(
            migrations.RemoveField(
                model_name='historicaldaycall',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicaldaycall',
                name='person',
            ),
            migrations.RemoveField(
                model_name='historicaldaycall',
                name='shoot_day',
            ),
            migrations.RemoveField(
                model_name='historicalshootday',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalshootday',
                name='production',
            ),
            migrations.RemoveField(
                model_name='historicalshootday',
                name='site',
            ),
            migrations.RemoveField(
                model_name='importcolumnmapping',
                name='production',
            ),
            migrations.RemoveField(
                model_name='scene',
                name='cast',
            ),
            migrations.RemoveField(
                model_name='scene',
                name='production',
            ),
            migrations.RemoveField(
                model_name='scene',
                name='rig',
            ),
            migrations.AlterField(
                model_name='take',
                name='scene',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='takes', to='planning.scene'),
            ),
            migrations.AlterField(
                model_name='historicaltake',
                name='scene',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.scene'),
            ),
            migrations.RemoveField(
                model_name='shootday',
                name='production',
            ),
            migrations.RemoveField(
                model_name='shootday',
                name='site',
            ),
            migrations.AlterField(
                model_name='healthincident',
                name='shoot_day',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='health_incidents', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='historicaltake',
                name='shoot_day',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='take',
                name='shoot_day',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='takes', to='planning.shootday'),
            ),
            migrations.RemoveField(
                model_name='takeimportupload',
                name='production',
            ),
            migrations.RemoveField(
                model_name='takeimportupload',
                name='user',
            ),
            migrations.CreateModel(
                name='Fault',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', hhprod.lib.versions.VersionField(default=1, help_text='Moves on at every save: a form opened at an older version is refused.')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('kind', models.CharField(choices=[('mount', 'Mount'), ('overheating', 'Overheating'), ('battery', 'Battery'), ('card', 'Card'), ('other', 'Other')], max_length=20)),
                    ('minutes_lost', models.PositiveIntegerField(default=0, help_text='Shooting time lost to it.')),
                    ('fixed_on', models.DateField(blank=True, help_text='Empty while the fault is open.', null=True)),
                    ('notes', hhprod.lib.freetext.FreeTextField(blank=True)),
                    ('shoot_day', models.ForeignKey(blank=True, help_text='The day it was reported; empty for one found between shoot days.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rig_faults', to='planning.shootday')),
                    ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='faults', to='rigs.rigunit')),
                ],
                options={
                    'db_table': 'rigs_fault',
                    'ordering': ['unit', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalFault',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('kind', models.CharField(choices=[('mount', 'Mount'), ('overheating', 'Overheating'), ('battery', 'Battery'), ('card', 'Card'), ('other', 'Other')], max_length=20)),
                    ('minutes_lost', models.PositiveIntegerField(default=0, help_text='Shooting time lost to it.')),
                    ('fixed_on', models.DateField(blank=True, help_text='Empty while the fault is open.', null=True)),
                    ('notes', hhprod.lib.freetext.FreeTextField(blank=True)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('shoot_day', models.ForeignKey(blank=True, db_constraint=False, help_text='The day it was reported; empty for one found between shoot days.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.shootday')),
                    ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rigs.rigunit')),
                ],
                options={
                    'verbose_name': 'historical fault',
                    'verbose_name_plural': 'historical faults',
                    'db_table': 'rigs_historicalfault',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.DeleteModel(
                name='DayCall',
            ),
            migrations.DeleteModel(
                name='HistoricalDayCall',
            ),
            migrations.DeleteModel(
                name='HistoricalShootDay',
            ),
            migrations.DeleteModel(
                name='ImportColumnMapping',
            ),
            migrations.DeleteModel(
                name='Scene',
            ),
        ),
        content_types_moved('rigs', 'shooting', ['fault', 'historicalfault']),
    ]
