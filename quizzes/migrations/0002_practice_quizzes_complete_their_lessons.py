"""A lesson with a quiz that is not assessed is completed by its quiz too.

Before, such a "practice" quiz named no source, so the learner's "Mark as
complete" (or reading to the end) completed the lesson. Now a lesson with a
quiz trusts the quiz alone: submitting an attempt completes it.
"""

from django.db import migrations


def quiz_completes_its_lesson(apps, schema_editor):
    LessonPage = apps.get_model("courses", "LessonPage")
    CourseItem = apps.get_model("lms", "CourseItem")
    lessons = LessonPage.objects.exclude(completion_rule__in=("score", "pass")).only(
        "lesson_uuid", "body"
    )
    for lesson in lessons.iterator(chunk_size=500):
        if not any(block.get("type") == "quiz" for block in lesson.body.raw_data):
            continue
        for item in CourseItem.objects.filter(uuid=lesson.lesson_uuid):
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
