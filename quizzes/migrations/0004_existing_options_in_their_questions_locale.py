"""Translatable question options, step 2: each existing row in its parent's locale.

Each row gets a new translation key, except that the options of a question and its translations at the same place in the list (copied from the source) share one key.
"""

import uuid

from django.db import migrations


def fill(apps, schema_editor):
    Row = apps.get_model("quizzes", "QuestionOption")
    Parent = apps.get_model("quizzes", "Question")
    rows = list(
        Row.objects.filter(translation_key__isnull=True).order_by("question_id", "sort_order", "pk")
    )
    parents = {
        pk: (locale_id, key)
        for pk, locale_id, key in Parent.objects.filter(
            pk__in={row.question_id for row in rows}
        ).values_list("pk", "locale_id", "translation_key")
    }
    keys = {}
    places = {}
    for row in rows:
        locale_id, parent_key = parents[row.question_id]
        place = places.get(row.question_id, 0)
        places[row.question_id] = place + 1
        key = keys.setdefault((parent_key, place), uuid.uuid4())
        Row.objects.filter(pk=row.pk).update(translation_key=key, locale_id=locale_id)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0003_questionoption_gets_a_locale_and_translation_key"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
