"""Move the xAPI API's statements into the one statement log (``lms.Statement``).

Each keeps its id, content, digest, lesson and times, with source "xapi";
its score, success, completion and registration are read from the stored
statement as the recording code reads them. The next migration drops the
old table.
"""

import uuid

from django.db import migrations


def _number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def read_result(statement):
    result = statement.get("result") if isinstance(statement.get("result"), dict) else {}
    score = result.get("score") if isinstance(result.get("score"), dict) else {}
    scaled = score.get("scaled")
    if not _number(scaled):
        scaled = None
        if _number(score.get("raw")) and _number(score.get("max")) and score["max"]:
            scaled = score["raw"] / score["max"]
    if scaled is not None:
        scaled = min(1.0, max(0.0, float(scaled)))
    context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
    activities = context.get("contextActivities")
    parent = activities.get("parent") if isinstance(activities, dict) else None
    try:
        registration = uuid.UUID(str(context["registration"])) if context.get("registration") else None
    except ValueError:
        registration = None
    success, completion = result.get("success"), result.get("completion")
    return {
        "score": scaled,
        "success": success if isinstance(success, bool) else None,
        "completion": completion if isinstance(completion, bool) else None,
        "is_top_level": not parent,
        "registration": registration,
    }


def move(apps, schema_editor):
    Old = apps.get_model("api", "Statement")
    Statement = apps.get_model("lms", "Statement")
    batch = []
    for old in Old.objects.order_by("stored", "pk").iterator(chunk_size=1000):
        raw = old.raw if isinstance(old.raw, dict) else {}
        batch.append(
            Statement(
                id=old.id,
                learner_id=old.learner_id,
                source="xapi",
                verb=old.verb,
                object_id=old.object_id,
                item_id=old.lesson_id,
                raw=raw,
                digest=old.digest,
                timestamp=old.timestamp,
                stored=old.stored,
                **read_result(raw),
            )
        )
        if len(batch) >= 1000:
            Statement.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Statement.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_xapi_statements"),
        ("lms", "0010_statement_log_and_attempts_of_every_source"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
