"""Translatable questions and respondent groups, step 3: every row has its locale and key, unique together."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0003_existing_questions_and_groups_in_their_pages_locale"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        operation
        for model in ("surveyformfield", "respondentgroup")
        for operation in (
            migrations.AlterField(
                model_name=model,
                name="locale",
                field=models.ForeignKey(
                    editable=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="wagtailcore.locale",
                    verbose_name="locale",
                ),
            ),
            migrations.AlterField(
                model_name=model,
                name="translation_key",
                field=models.UUIDField(default=uuid.uuid4, editable=False),
            ),
            migrations.AlterUniqueTogether(
                name=model, unique_together={("translation_key", "locale")}
            ),
        )
    ]
