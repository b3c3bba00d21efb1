"""Move the xAPI API's statements into the one statement log (``lms.Statement``).

Each keeps its id, content, digest, lesson and times, with source "xapi";
its score, success, completion and registration are read from the stored
statement as the recording code reads them. An id a statement of the H5P
player already has in lms (should the two have moved in that order) gets an
id of its own, so neither is lost. The next migration drops the old table.
"""

import hashlib
import json
import uuid

from django.db import migrations

NAMESPACE = uuid.UUID("5b0d3c59-3a43-4c1e-9d8e-0b6f1e6a7c21")  # lms.statements.NAMESPACE


def statement_digest(statement):
    canonical = json.dumps(
        statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


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
    taken = set(Statement.objects.values_list("pk", flat=True))
    for old in Old.objects.order_by("stored", "pk").iterator(chunk_size=1000):
        raw = old.raw if isinstance(old.raw, dict) else {}
        key, digest = old.id, old.digest
        if key in taken:
            # The H5P player's statements moved first and one has this id: this
            # one gets an id of its own, so neither is lost.
            key = uuid.uuid5(NAMESPACE, f"api:{old.learner_id}:{old.id}")
            raw = {**raw, "id": str(key)}
            digest = statement_digest(raw)
        taken.add(key)
        batch.append(
            Statement(
                id=key,
                learner_id=old.learner_id,
                source="xapi",
                verb=old.verb,
                object_id=old.object_id,
                item_id=old.lesson_id,
                raw=raw,
                digest=digest,
                timestamp=old.timestamp,
                stored=old.stored,
                **read_result(raw),
            )
        )
        if len(batch) >= 1000:
            Statement.objects.bulk_create(batch)
            batch = []
    Statement.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_xapi_statements"),
        ("lms", "0010_statement_log_and_attempts_of_every_source"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
