"""Tell the learning records which sources alone may complete each existing lesson.

The rule as it stood when lessons learned to name their trusted sources: an
assessed lesson (score or pass) is scored by its quiz if it has one, else by
its H5P activities and SCORM packages; any other lesson is completed by its
required H5P activities and SCORM packages; a reading lesson names none.
"""

from django.db import migrations

ASSESSED = ("score", "pass")


def trusted_sources(completion_rule, blocks):
    assessed = completion_rule in ASSESSED
    sources = []
    for block in blocks:
        kind = block.get("type")
        value = block.get("value") if isinstance(block.get("value"), dict) else {}
        if kind == "quiz" and assessed:
            source = "quiz"
        elif kind in ("h5p", "scorm") and (assessed or value.get("required", True)):
            source = kind
        else:
            continue
        if source not in sources:
            sources.append(source)
    if assessed and "quiz" in sources:
        sources = ["quiz"]
    return sorted(sources)


def backfill(apps, schema_editor):
    LessonPage = apps.get_model("courses", "LessonPage")
    CourseItem = apps.get_model("lms", "CourseItem")
    lessons = LessonPage.objects.only("lesson_uuid", "completion_rule", "body")
    for lesson in lessons.iterator(chunk_size=500):
        sources = trusted_sources(lesson.completion_rule, lesson.body.raw_data)
        if sources:
            CourseItem.objects.filter(uuid=lesson.lesson_uuid).update(trusted_sources=sources)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_lesson_external_activity"),
        ("lms", "0007_item_trusted_sources"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
