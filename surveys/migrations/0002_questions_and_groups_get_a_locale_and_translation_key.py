"""Translatable questions and respondent groups, step 1: the locale and translation key, empty for the rows there are.

Wagtail's way of making an existing model translatable: nullable fields first,
then the rows are filled (the next migration), then the fields are required
and unique together.
"""

import django.db.models.deletion
from django.db import migrations, models


def _fields():
    return [
        ("translation_key", models.UUIDField(editable=False, null=True)),
        (
            "locale",
            models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_evaluations_and_community_surveys"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(model_name=model, name=name, field=field)
        for model in ("surveyformfield", "respondentgroup")
        for name, field in _fields()
    ]
