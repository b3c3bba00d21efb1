"""Translatable packages, step 3: locale and key required and unique together; the folder
may be shared by a translation; version and schema read from the manifest only."""

import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('scorm', '0006_existing_packages_in_the_default_locale'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterField(
            model_name='scormpackage',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='scormpackage',
            name='schema_version',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='schema version'),
        ),
        migrations.AlterField(
            model_name='scormpackage',
            name='storage_prefix',
            field=models.CharField(db_index=True, editable=False, max_length=100),
        ),
        migrations.AlterField(
            model_name='scormpackage',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name='scormpackage',
            name='version',
            field=models.CharField(choices=[('1.2', 'SCORM 1.2'), ('2004', 'SCORM 2004')], editable=False, max_length=8, verbose_name='SCORM version'),
        ),
        migrations.AlterUniqueTogether(
            name='scormpackage',
            unique_together={('translation_key', 'locale')},
        ),
    ]
