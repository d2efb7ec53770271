"""Shoot days, their calls, scenes and locations move into the plan: state only, the tables stay."""


import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import hhprod.lib.freetext
import hhprod.lib.versions
import hhprod.planning.models.locations
from hhprod.lib.moves import content_types_moved, state_only


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('planning', '0006_stored_text_without_controls'),
        ('productions', '0009_stored_text_without_controls'),
        ('rigs', '0009_fault_moves_to_shooting'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        state_only(
            migrations.CreateModel(
                name='Location',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('name_key', models.CharField(editable=False, help_text='The name, folded: see name_key().', max_length=600)),
                    ('version', hhprod.lib.versions.VersionField(default=1, help_text='Moves on at every save: a form opened at an older version is refused.')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('name', models.CharField(help_text='One location a name, in any case.', max_length=200)),
                    ('address', hhprod.lib.freetext.FreeTextField()),
                    ('nearest_hospital', hhprod.lib.freetext.FreeTextField(help_text='Name, address and telephone of the nearest emergency department.')),
                    ('latitude', models.DecimalField(decimal_places=5, max_digits=8, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)])),
                    ('longitude', models.DecimalField(decimal_places=5, max_digits=8, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)])),
                    ('time_zone', models.CharField(default='Europe/Moscow', max_length=60, validators=[hhprod.planning.models.locations.known_time_zone])),
                    ('notes', hhprod.lib.freetext.FreeTextField(blank=True, help_text='Parking, unit base, access.')),
                ],
                options={
                    'db_table': 'paperwork_location',
                    'ordering': ['name'],
                    'constraints': [models.UniqueConstraint(fields=('name_key',), name='location_name_unique_in_any_case')],
                },
            ),
            migrations.CreateModel(
                name='HistoricalShootDay',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('number', models.PositiveIntegerField(verbose_name='day number')),
                    ('scheduled_date', models.DateField(blank=True, help_text='Empty for a day added beyond the approved schedule.', null=True)),
                    ('actual_date', models.DateField(blank=True, help_text='Empty until the day is shot.', null=True)),
                    ('status', models.CharField(choices=[('scheduled', 'Scheduled'), ('shot', 'Shot'), ('cancelled', 'Cancelled'), ('moved', 'Moved')], default='scheduled', max_length=20)),
                    ('location', models.CharField(blank=True, max_length=200)),
                    ('crew_call', models.TimeField(blank=True, null=True, verbose_name='general crew call')),
                    ('shooting_call', models.TimeField(blank=True, help_text='When the camera is to roll.', null=True)),
                    ('weather', models.CharField(blank=True, help_text='The forecast, filled in by the office.', max_length=200)),
                    ('notes', hhprod.lib.freetext.FreeTextField(blank=True)),
                    ('change_cause', models.CharField(blank=True, choices=[('rig', 'Rig failure or rebuild'), ('cast', 'Cast availability and travel'), ('stunt', 'Stunt reset or injury'), ('reshoot', 'Reshoot'), ('weather', 'Weather or location'), ('hiatus', 'Financing hiatus'), ('other', 'Other')], help_text='Why this day was added beyond the baseline, or moved. Locking a revision asks for it.', max_length=20, verbose_name='cause of change')),
                    ('change_note', models.CharField(blank=True, max_length=300, verbose_name='note on the change')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('production', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='productions.production')),
                    ('site', models.ForeignKey(blank=True, db_constraint=False, help_text='The location with its address, hospital and coordinates, for the call sheet.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.location', verbose_name='location record')),
                ],
                options={
                    'verbose_name': 'historical shoot day',
                    'verbose_name_plural': 'historical shoot days',
                    'db_table': 'shooting_historicalshootday',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Scene',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', hhprod.lib.versions.VersionField(default=1, help_text='Moves on at every save: a form opened at an older version is refused.')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('number', models.CharField(max_length=20, verbose_name='scene number')),
                    ('description', models.CharField(blank=True, max_length=300)),
                    ('set_name', models.CharField(blank=True, help_text='As scripted, e.g. "Lab — corridor".', max_length=200, verbose_name='set')),
                    ('location', models.CharField(blank=True, help_text='Where the set is shot.', max_length=200)),
                    ('setting', models.CharField(blank=True, choices=[('int', 'INT.'), ('ext', 'EXT.'), ('int_ext', 'INT./EXT.')], max_length=10, verbose_name='INT/EXT')),
                    ('time_of_day', models.CharField(blank=True, choices=[('day', 'Day'), ('night', 'Night'), ('dawn', 'Dawn'), ('dusk', 'Dusk')], max_length=10, verbose_name='day/night')),
                    ('page_eighths', models.PositiveIntegerField(blank=True, help_text='In eighths: 11 is 1 3/8 pages. Empty until broken down.', null=True, verbose_name='length (eighths of a page)')),
                    ('synopsis', models.CharField(blank=True, help_text='One line.', max_length=200)),
                    ('screen_seconds', models.PositiveIntegerField(blank=True, null=True, verbose_name='estimated screen time (seconds)')),
                    ('head_rig', models.BooleanField(default=False, verbose_name='head rig worn')),
                    ('stunt_notes', hhprod.lib.freetext.FreeTextField(blank=True)),
                    ('safety_notes', hhprod.lib.freetext.FreeTextField(blank=True)),
                    ('cast', models.ManyToManyField(blank=True, help_text="Credits on this scene's production.", limit_choices_to={'role__in': ['cast', 'stunt_performer']}, related_name='scenes', to='productions.credit', verbose_name='cast and stunt performers')),
                    ('production', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scenes', to='productions.production')),
                    ('rig', models.ForeignKey(blank=True, help_text='The version planned, when the head rig is worn.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='scenes', to='rigs.rig', verbose_name='rig version')),
                ],
                options={
                    'db_table': 'shooting_scene',
                    'ordering': ['production', 'number'],
                },
            ),
            migrations.AlterField(
                model_name='historicalstrip',
                name='scene',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.scene'),
            ),
            migrations.AlterField(
                model_name='revisionstrip',
                name='scene',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='planning.scene'),
            ),
            migrations.AlterField(
                model_name='strip',
                name='scene',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='strips', to='planning.scene'),
            ),
            migrations.AlterField(
                model_name='stripmove',
                name='scene',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='planning.scene'),
            ),
            migrations.CreateModel(
                name='ShootDay',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', hhprod.lib.versions.VersionField(default=1, help_text='Moves on at every save: a form opened at an older version is refused.')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('number', models.PositiveIntegerField(verbose_name='day number')),
                    ('scheduled_date', models.DateField(blank=True, help_text='Empty for a day added beyond the approved schedule.', null=True)),
                    ('actual_date', models.DateField(blank=True, help_text='Empty until the day is shot.', null=True)),
                    ('status', models.CharField(choices=[('scheduled', 'Scheduled'), ('shot', 'Shot'), ('cancelled', 'Cancelled'), ('moved', 'Moved')], default='scheduled', max_length=20)),
                    ('location', models.CharField(blank=True, max_length=200)),
                    ('crew_call', models.TimeField(blank=True, null=True, verbose_name='general crew call')),
                    ('shooting_call', models.TimeField(blank=True, help_text='When the camera is to roll.', null=True)),
                    ('weather', models.CharField(blank=True, help_text='The forecast, filled in by the office.', max_length=200)),
                    ('notes', hhprod.lib.freetext.FreeTextField(blank=True)),
                    ('change_cause', models.CharField(blank=True, choices=[('rig', 'Rig failure or rebuild'), ('cast', 'Cast availability and travel'), ('stunt', 'Stunt reset or injury'), ('reshoot', 'Reshoot'), ('weather', 'Weather or location'), ('hiatus', 'Financing hiatus'), ('other', 'Other')], help_text='Why this day was added beyond the baseline, or moved. Locking a revision asks for it.', max_length=20, verbose_name='cause of change')),
                    ('change_note', models.CharField(blank=True, max_length=300, verbose_name='note on the change')),
                    ('production', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shoot_days', to='productions.production')),
                    ('site', models.ForeignKey(blank=True, help_text='The location with its address, hospital and coordinates, for the call sheet.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='shoot_days', to='planning.location', verbose_name='location record')),
                ],
                options={
                    'db_table': 'shooting_shootday',
                    'ordering': ['production', 'number'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalDayCall',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('pickup_time', models.TimeField(blank=True, null=True)),
                    ('makeup_time', models.TimeField(blank=True, null=True, verbose_name='make-up time')),
                    ('call_time', models.TimeField()),
                    ('on_set_time', models.TimeField(blank=True, null=True, verbose_name='on set')),
                    ('wrap_time', models.TimeField(blank=True, help_text='Empty until wrapped.', null=True)),
                    ('kind', models.CharField(choices=[('work', 'Work'), ('rehearsal', 'Rehearsal'), ('fitting', 'Fitting')], default='work', help_text='Work, or a rehearsal or fitting call: the Day Out of Days writes W, R or F.', max_length=10)),
                    ('notes', models.CharField(blank=True, max_length=200)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('person', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='productions.person')),
                    ('shoot_day', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.shootday')),
                ],
                options={
                    'verbose_name': 'historical day call',
                    'verbose_name_plural': 'historical day calls',
                    'db_table': 'shooting_historicaldaycall',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='DayCall',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', hhprod.lib.versions.VersionField(default=1, help_text='Moves on at every save: a form opened at an older version is refused.')),
                    ('source', hhprod.lib.freetext.FreeTextField(blank=True, help_text='The article\'s sentence this record rests on, or "illustrative".')),
                    ('pickup_time', models.TimeField(blank=True, null=True)),
                    ('makeup_time', models.TimeField(blank=True, null=True, verbose_name='make-up time')),
                    ('call_time', models.TimeField()),
                    ('on_set_time', models.TimeField(blank=True, null=True, verbose_name='on set')),
                    ('wrap_time', models.TimeField(blank=True, help_text='Empty until wrapped.', null=True)),
                    ('kind', models.CharField(choices=[('work', 'Work'), ('rehearsal', 'Rehearsal'), ('fitting', 'Fitting')], default='work', help_text='Work, or a rehearsal or fitting call: the Day Out of Days writes W, R or F.', max_length=10)),
                    ('notes', models.CharField(blank=True, max_length=200)),
                    ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='day_calls', to='productions.person')),
                    ('shoot_day', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='calls', to='planning.shootday')),
                ],
                options={
                    'db_table': 'shooting_daycall',
                    'ordering': ['shoot_day', 'call_time', 'person'],
                },
            ),
            migrations.AlterField(
                model_name='historicalstrip',
                name='shoot_day',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='revisionday',
                name='shoot_day',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='revision_days', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='revisionstrip',
                name='shoot_day',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='strip',
                name='shoot_day',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='strips', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='stripmove',
                name='from_day',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='planning.shootday'),
            ),
            migrations.AlterField(
                model_name='stripmove',
                name='to_day',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='planning.shootday'),
            ),
            migrations.AddConstraint(
                model_name='scene',
                constraint=models.UniqueConstraint(fields=('production', 'number'), name='scene_number_unique_in_production'),
            ),
            migrations.AddConstraint(
                model_name='scene',
                constraint=models.CheckConstraint(condition=models.Q(('rig__isnull', True), ('head_rig', True), _connector='OR'), name='scene_rig_only_when_worn', violation_error_message='A rig version is given only for a scene where the head rig is worn.'),
            ),
            migrations.AddConstraint(
                model_name='scene',
                constraint=models.CheckConstraint(condition=models.Q(('page_eighths__isnull', True), ('page_eighths__gt', 0), _connector='OR'), name='scene_length_positive', violation_error_message='A scene is at least 1/8 of a page.'),
            ),
            migrations.AddIndex(
                model_name='shootday',
                index=models.Index(fields=['production', 'actual_date'], name='day_production_actual_date'),
            ),
            migrations.AddIndex(
                model_name='shootday',
                index=models.Index(fields=['production', 'status'], name='day_production_status'),
            ),
            migrations.AddConstraint(
                model_name='shootday',
                constraint=models.UniqueConstraint(fields=('production', 'number'), name='day_number_unique_in_production'),
            ),
            migrations.AddConstraint(
                model_name='shootday',
                constraint=models.CheckConstraint(condition=models.Q(('number__gt', 0)), name='day_number_positive', violation_error_message='Day numbers start at 1.'),
            ),
            migrations.AddConstraint(
                model_name='shootday',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('actual_date__isnull', False), ('status', 'shot')), models.Q(models.Q(('status', 'shot'), _negated=True), ('actual_date__isnull', True)), _connector='OR'), name='actual_date_only_on_shot_day', violation_error_message='A day has an actual date exactly when its status is Shot.'),
            ),
            migrations.AddConstraint(
                model_name='daycall',
                constraint=models.UniqueConstraint(fields=('shoot_day', 'person'), name='one_call_per_person_per_day'),
            ),
        ),
        content_types_moved('shooting', 'planning', ['shootday', 'historicalshootday', 'scene', 'daycall', 'historicaldaycall']),
        content_types_moved('paperwork', 'planning', ['location']),
    ]
