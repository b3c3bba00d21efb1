from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    """One Wagtail locale per content language (az, ru, en), so pages can be translated."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_guidance_body_uses_content_blocks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
