"""Translatable packages, step 2: each existing row in the site's default locale, with its own key."""

import uuid

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant


def fill(apps, schema_editor):
    model = apps.get_model("scorm.ScormPackage")
    rows = model.objects.filter(translation_key__isnull=True)
    if not rows.exists():
        return
    Locale = apps.get_model("wagtailcore", "Locale")
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _created = Locale.objects.get_or_create(language_code=language)
    for row in rows.only("pk").iterator():
        model.objects.filter(pk=row.pk).update(translation_key=uuid.uuid4(), locale=locale)


class Migration(migrations.Migration):
    dependencies = [
        ("scorm", "0005_packages_get_a_locale_and_translation_key"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
