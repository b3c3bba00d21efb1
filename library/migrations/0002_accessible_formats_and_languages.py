"""The accessible formats and the three platform languages every catalogue starts with."""

from django.db import migrations

FORMATS = [
    ("braille", "Braille"),
    ("large-print", "Large print"),
    ("audio", "Audio"),
    ("easy-read", "Easy-read"),
    ("sign-language-video", "Sign-language video"),
    ("tactile", "Tactile"),
]
LANGUAGES = [("az", "Azərbaycan dili"), ("ru", "Русский"), ("en", "English")]


def create(apps, schema_editor):
    AccessibleFormat = apps.get_model("library", "AccessibleFormat")
    Language = apps.get_model("library", "Language")
    for code, name in FORMATS:
        AccessibleFormat.objects.get_or_create(code=code, defaults={"name": name})
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("library", "0001_catalogue_and_circulation")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
