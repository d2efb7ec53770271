"""Take-log uploads and column mappings move in from the shooting app: state only, the tables stay."""


import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from hhprod.lib.moves import content_types_moved, state_only


class Migration(migrations.Migration):

    dependencies = [
        ('rigs', '0009_fault_moves_to_shooting'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('productions', '0009_stored_text_without_controls'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        state_only(
            migrations.CreateModel(
                name='TakeImportUpload',
                fields=[
                    ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                    ('file_name', models.CharField(max_length=255)),
                    ('kind', models.CharField(choices=[('csv', 'CSV'), ('xlsx', 'XLSX'), ('ale', 'Avid ALE')], max_length=4)),
                    ('data', models.BinaryField()),
                    ('mapping', models.JSONField(default=dict, help_text="The file's column headers -> the take-log columns they fill.")),
                    ('rows', models.PositiveIntegerField(help_text='The rows under the header (none for an older upload).', null=True)),
                    ('created', models.DateTimeField(auto_now_add=True, db_index=True)),
                    ('production', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='productions.production')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'db_table': 'shooting_takeimportupload',
                },
            ),
            migrations.CreateModel(
                name='ImportColumnMapping',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('header', models.CharField(help_text="The file's column header, lower-cased.", max_length=200)),
                    ('column', models.CharField(blank=True, help_text='The take-log column; empty: left out.', max_length=20)),
                    ('production', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='import_columns', to='productions.production')),
                ],
                options={
                    'db_table': 'shooting_importcolumnmapping',
                    'ordering': ['production', 'header'],
                    'constraints': [models.UniqueConstraint(fields=('production', 'header'), name='import_column_once_per_production')],
                },
            ),
        ),
        content_types_moved('shooting', 'imports', ['takeimportupload', 'importcolumnmapping']),
    ]
