"""Move the H5P player's statements and attempts into the learning records' own tables.

Every ``H5PStatement`` becomes an ``lms.Statement`` (source "h5p"; a player
id that is no UUID gets the same derived UUID the recording code gives it;
an id another learner's statement already has gets one of its own)
and every ``H5PAttempt`` an ``lms.Attempt`` (activity "h5p:<id>", numbered in
the order they were made, judged by the block's rule as the lesson has it
now). The statement keeps its attempt. Nothing is dropped here: the next
migration removes the old tables once this one has run.
"""

import hashlib
import json
import uuid

from django.db import migrations, models
from django.db.models.functions import Cast
from django.utils.dateparse import parse_datetime

NAMESPACE = uuid.UUID("5b0d3c59-3a43-4c1e-9d8e-0b6f1e6a7c21")  # lms.statements.NAMESPACE


def statement_uuid(value, learner_id):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return uuid.uuid5(NAMESPACE, f"{learner_id}:{value}")


def digest(statement):
    canonical = json.dumps(
        statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def parse_timestamp(value):
    """The statement's own time (ISO 8601 with a zone), or None."""
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except (ValueError, OverflowError):
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def rule_met(rule, attempt):
    completion = rule.get("completion", "completed")
    if completion == "passed":
        return bool(attempt.success)
    if completion == "score":
        minimum = (rule.get("min_score") or 0) / 100
        return attempt.score is not None and attempt.score >= minimum
    return bool(attempt.completion or attempt.success is not None or attempt.score is not None)


def rule_text(rule):
    completion = rule.get("completion", "completed")
    if completion == "passed":
        return "h5p: passed"
    if completion == "score":
        return f"h5p: score >= {rule.get('min_score') or 0}%"
    return "h5p: completed"


def block_rules(apps, lesson_uuids):
    """``{(lesson uuid, activity id): block value}`` from the lessons' bodies."""
    LessonPage = apps.get_model("courses", "LessonPage")
    rules = {}
    # Read past the field: later migration states no longer know the h5p block
    # (it registers at run time), so the field would drop it.
    lessons = LessonPage.objects.filter(lesson_uuid__in=lesson_uuids).annotate(
        stored=Cast("body", models.TextField())
    )
    for lesson_uuid, stored in lessons.values_list("lesson_uuid", "stored"):
        body = json.loads(stored) if stored else []
        for block in json.loads(body) if isinstance(body, str) else body:
            value = block.get("value") if isinstance(block, dict) else None
            if block.get("type") == "h5p" and isinstance(value, dict):
                rules.setdefault((lesson_uuid, value.get("activity")), value)
    return rules


def move(apps, schema_editor):
    H5PAttempt = apps.get_model("h5p", "H5PAttempt")
    H5PStatement = apps.get_model("h5p", "H5PStatement")
    Attempt = apps.get_model("lms", "Attempt")
    Statement = apps.get_model("lms", "Statement")
    CourseItem = apps.get_model("lms", "CourseItem")

    lessons = set(H5PAttempt.objects.values_list("lesson_uuid", flat=True))
    lessons |= set(H5PStatement.objects.values_list("lesson_uuid", flat=True))
    known = set(CourseItem.objects.filter(uuid__in=lessons).values_list("uuid", flat=True))
    rules = block_rules(apps, lessons)

    moved = {}
    numbers = {}
    for old in H5PAttempt.objects.order_by("finished_at", "pk").iterator(chunk_size=1000):
        if old.lesson_uuid not in known:
            continue  # no lesson of that id ever existed: nothing to attach it to
        key = (old.learner_id, old.lesson_uuid, f"h5p:{old.activity_id}")
        numbers[key] = numbers.get(key, 0) + 1
        rule = rules.get((old.lesson_uuid, old.activity_id), {})
        moved[old.pk] = Attempt.objects.create(
            learner_id=old.learner_id,
            item_id=old.lesson_uuid,
            source="h5p",
            activity=key[2],
            number=numbers[key],
            started_at=old.finished_at,
            finished_at=old.finished_at,
            score=old.score,
            passed=old.success,
            completed=old.completion,
            rule=rule_text(rule),
            counted=rule_met(rule, old),
        ).pk

    batch = []
    taken = set(Statement.objects.values_list("pk", flat=True))
    for old in H5PStatement.objects.order_by("stored_at", "pk").iterator(chunk_size=1000):
        raw = dict(old.raw) if isinstance(old.raw, dict) else {}
        key = statement_uuid(old.statement_id, old.learner_id)
        if key in taken:
            # Ids were unique per learner here, once for all in lms: another
            # learner's statement keeps this id, this one gets its own.
            key = uuid.uuid5(NAMESPACE, f"{old.learner_id}:{old.statement_id}:{old.pk}")
        taken.add(key)
        raw["id"] = str(key)
        context = raw.get("context") if isinstance(raw.get("context"), dict) else {}
        registration = context.get("registration")
        try:
            registration = uuid.UUID(str(registration)) if registration else None
        except ValueError:
            registration = None
        target = raw.get("object") if isinstance(raw.get("object"), dict) else {}
        batch.append(
            Statement(
                id=key,
                learner_id=old.learner_id,
                source="h5p",
                verb=old.verb[:512],
                object_id=str(target.get("id", ""))[:512],
                item_id=old.lesson_uuid if old.lesson_uuid in known else None,
                attempt_id=moved.get(old.attempt_id),
                is_top_level=old.is_top_level,
                score=old.score,
                success=old.success,
                completion=old.completion,
                registration=registration,
                raw=raw,
                digest=digest(raw),
                timestamp=parse_timestamp(raw.get("timestamp")) or old.stored_at,
                stored=old.stored_at,
            )
        )
        if len(batch) >= 1000:
            Statement.objects.bulk_create(batch)
            batch = []
    Statement.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0003_library_install_permission_random_package_folders"),
        ("lms", "0010_statement_log_and_attempts_of_every_source"),
        ("courses", "0006_backfill_lesson_trusted_sources"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
