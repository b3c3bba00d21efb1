"""A lesson with a quiz that is not assessed is completed by its quiz too.

Before, such a "practice" quiz named no source, so the learner's "Mark as
complete" (or reading to the end) completed the lesson. Now a lesson with a
quiz trusts the quiz alone: submitting an attempt completes it.
"""

import json

from django.db import migrations, models
from django.db.models.functions import Cast


def raw_bodies(lessons):
    """``(lesson uuid, body as stored)``, read past the field: later migration states
    no longer know the activity blocks (they register at run time), so the field
    would drop them."""
    rows = lessons.annotate(stored=Cast("body", models.TextField()))
    for lesson_uuid, stored in rows.values_list("lesson_uuid", "stored").iterator(chunk_size=500):
        body = json.loads(stored) if stored else []
        yield lesson_uuid, json.loads(body) if isinstance(body, str) else body


def quiz_completes_its_lesson(apps, schema_editor):
    LessonPage = apps.get_model("courses", "LessonPage")
    CourseItem = apps.get_model("lms", "CourseItem")
    lessons = LessonPage.objects.exclude(completion_rule__in=("score", "pass"))
    for lesson_uuid, body in raw_bodies(lessons):
        if not any(isinstance(block, dict) and block.get("type") == "quiz" for block in body):
            continue
        for item in CourseItem.objects.filter(uuid=lesson_uuid):
            if "quiz" not in item.trusted_sources:
                item.trusted_sources = sorted([*item.trusted_sources, "quiz"])
                item.save(update_fields=["trusted_sources"])


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_question_bank"),
        ("courses", "0006_backfill_lesson_trusted_sources"),
        ("lms", "0007_item_trusted_sources"),
    ]

    operations = [migrations.RunPython(quiz_completes_its_lesson, migrations.RunPython.noop)]
