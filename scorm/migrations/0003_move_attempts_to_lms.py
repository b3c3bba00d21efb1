"""Move every SCO attempt into the learning records' one attempt table.

Each ``ScormAttempt`` (one per learner, package, lesson and SCO) becomes an
``lms.Attempt`` with source "scorm", activity "scorm:<package>:<sco>" and
number 1; its CMI data goes into the attempt's ``state`` and its results
into the shared columns (scaled score, passed, completed). The next
migration drops the old table.
"""

from django.db import migrations

CMI_FIELDS = (
    "completion_status",
    "success_status",
    "score_raw",
    "score_min",
    "score_max",
    "score_scaled",
    "location",
    "suspend_data",
    "session_time",
    "total_time",
    "interactions",
    "objectives",
    "cmi",
    "commits",
)


def scaled_score(old):
    if old.score_scaled is not None:
        return min(max(old.score_scaled, 0.0), 1.0)
    if old.score_raw is None:
        return None
    low = old.score_min or 0.0
    high = old.score_max if old.score_max not in (None, low) else 100.0
    if high <= low:
        return None
    return min(max((old.score_raw - low) / (high - low), 0.0), 1.0)


def move(apps, schema_editor):
    ScormAttempt = apps.get_model("scorm", "ScormAttempt")
    Attempt = apps.get_model("lms", "Attempt")
    CourseItem = apps.get_model("lms", "CourseItem")
    lessons = set(ScormAttempt.objects.values_list("lesson_uuid", flat=True))
    known = set(CourseItem.objects.filter(uuid__in=lessons).values_list("uuid", flat=True))
    batch = []
    for old in ScormAttempt.objects.order_by("pk").iterator(chunk_size=1000):
        if old.lesson_uuid not in known:
            continue  # no lesson of that id ever existed: nothing to attach it to
        done = old.completion_status == "completed" or old.success_status == "passed"
        batch.append(
            Attempt(
                learner_id=old.learner_id,
                item_id=old.lesson_uuid,
                source="scorm",
                activity=f"scorm:{old.package_id}:{old.sco}",
                number=1,
                started_at=old.created_at,
                finished_at=old.updated_at if done else None,
                score=scaled_score(old),
                passed={"passed": True, "failed": False}.get(old.success_status),
                completed=True if old.completion_status == "completed" else None,
                rule="scorm: completed or passed",
                counted=done,
                state={name: getattr(old, name) for name in CMI_FIELDS},
            )
        )
        if len(batch) >= 1000:
            Attempt.objects.bulk_create(batch)
            batch = []
    Attempt.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("scorm", "0002_random_archive_folders"),
        ("lms", "0010_statement_log_and_attempts_of_every_source"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
