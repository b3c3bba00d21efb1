"""Translatable questions and respondent groups, step 2: each existing row in its page's locale.

Each row gets a new translation key, except where the survey already has
translations (whose rows were copied in the source's language): the rows of a
page and its translations that stand for the same question (same
``clean_name``) or the same group (same place in the list) share one key.
"""

import uuid

from django.db import migrations


def _fill(model, Page, same):
    rows = list(
        model.objects.filter(translation_key__isnull=True).order_by("page_id", "sort_order", "pk")
    )
    if not rows:
        return
    pages = {
        pk: (locale_id, key)
        for pk, locale_id, key in Page.objects.filter(
            pk__in={row.page_id for row in rows}
        ).values_list("pk", "locale_id", "translation_key")
    }
    keys = {}
    places = {}
    for row in rows:
        locale_id, page_key = pages[row.page_id]
        place = places.get(row.page_id, 0)
        places[row.page_id] = place + 1
        key = keys.setdefault((page_key, same(row, place)), uuid.uuid4())
        model.objects.filter(pk=row.pk).update(translation_key=key, locale_id=locale_id)


def fill(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    _fill(
        apps.get_model("surveys", "SurveyFormField"),
        Page,
        lambda row, place: row.clean_name or place,
    )
    _fill(apps.get_model("surveys", "RespondentGroup"), Page, lambda row, place: place)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_questions_and_groups_get_a_locale_and_translation_key"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
