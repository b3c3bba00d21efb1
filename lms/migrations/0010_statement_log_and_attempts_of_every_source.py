"""One statement log (lms.Statement) and one attempt model for every source.

The attempts already stored are the platform's quiz attempts: they get
``source="quiz"`` and ``activity="quiz"``. The H5P, SCORM and xAPI apps move
their own rows into these tables in their next migrations, then drop theirs.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0009_move_learning_log_entries"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Statement",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        primary_key=True, serialize=False, verbose_name="statement id"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("page", "Lesson page"),
                            ("api", "Progress API"),
                            ("quiz", "Quiz"),
                            ("h5p", "H5P activity"),
                            ("scorm", "SCORM package"),
                            ("xapi", "xAPI statement"),
                            ("trainer", "Trainer"),
                            ("system", "System"),
                        ],
                        max_length=16,
                        verbose_name="source",
                    ),
                ),
                ("verb", models.CharField(max_length=512, verbose_name="verb IRI")),
                ("object_id", models.CharField(max_length=512, verbose_name="object id")),
                ("is_top_level", models.BooleanField(default=True, verbose_name="top level")),
                ("score", models.FloatField(blank=True, null=True, verbose_name="score")),
                ("success", models.BooleanField(null=True, verbose_name="passed")),
                ("completion", models.BooleanField(null=True, verbose_name="completed")),
                (
                    "registration",
                    models.UUIDField(blank=True, null=True, verbose_name="registration"),
                ),
                ("raw", models.JSONField(verbose_name="statement")),
                ("digest", models.CharField(max_length=64, verbose_name="content digest")),
                ("timestamp", models.DateTimeField(verbose_name="timestamp")),
                ("stored", models.DateTimeField(default=django.utils.timezone.now, verbose_name="stored")),
            ],
            options={
                "verbose_name": "statement",
                "verbose_name_plural": "statements",
            },
        ),
        migrations.AlterModelOptions(
            name="attempt",
            options={
                "ordering": ["learner", "item", "activity", "number"],
                "verbose_name": "attempt",
                "verbose_name_plural": "attempts",
            },
        ),
        migrations.RemoveConstraint(
            model_name="attempt",
            name="lms_attempt_number_unique",
        ),
        migrations.AddField(
            model_name="attempt",
            name="activity",
            field=models.CharField(default="quiz", max_length=300, verbose_name="activity"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="attempt",
            name="completed",
            field=models.BooleanField(null=True, verbose_name="completed"),
        ),
        migrations.AddField(
            model_name="attempt",
            name="counted",
            field=models.BooleanField(null=True, verbose_name="counted"),
        ),
        migrations.AddField(
            model_name="attempt",
            name="rule",
            field=models.CharField(blank=True, max_length=64, verbose_name="rule"),
        ),
        migrations.AddField(
            model_name="attempt",
            name="source",
            field=models.CharField(
                choices=[
                    ("page", "Lesson page"),
                    ("api", "Progress API"),
                    ("quiz", "Quiz"),
                    ("h5p", "H5P activity"),
                    ("scorm", "SCORM package"),
                    ("xapi", "xAPI statement"),
                    ("trainer", "Trainer"),
                    ("system", "System"),
                ],
                default="quiz",
                max_length=16,
                verbose_name="source",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="attempt",
            name="state",
            field=models.JSONField(blank=True, default=dict, verbose_name="state"),
        ),
        migrations.AddField(
            model_name="attempt",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AlterField(
            model_name="attempt",
            name="number",
            field=models.PositiveIntegerField(verbose_name="attempt number"),
        ),
        migrations.AddConstraint(
            model_name="attempt",
            constraint=models.UniqueConstraint(
                fields=("learner", "item", "activity", "number"), name="lms_attempt_number_unique"
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="attempt",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="statements",
                to="lms.attempt",
                verbose_name="attempt",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="item",
            field=models.ForeignKey(
                blank=True,
                db_column="lesson_uuid",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="statements",
                to="lms.courseitem",
                to_field="uuid",
                verbose_name="lesson",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="learner",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="statements",
                to=settings.AUTH_USER_MODEL,
                verbose_name="learner",
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["learner", "-stored"], name="lms_stmt_learner_recent"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["learner", "verb", "-stored"], name="lms_stmt_learner_verb"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                fields=["learner", "object_id", "-stored"], name="lms_stmt_learner_object"
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["item", "-stored"], name="lms_stmt_item_recent"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["-stored"], name="lms_stmt_recent"),
        ),
    ]
