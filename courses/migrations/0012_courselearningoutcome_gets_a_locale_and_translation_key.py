"""Translatable learning outcomes, step 1: the locale and translation key, empty for the rows there are.

Wagtail's way of making an existing model translatable: nullable fields first,
then the rows are filled (the next migration), then the fields are required
and unique together. wagtail-localize translates a child relation only when
its model is translatable; until now a translation showed the source's learning outcomes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0011_programme_names_in_every_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="courselearningoutcome",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="courselearningoutcome",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]
