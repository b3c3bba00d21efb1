"""Move the entries about cohorts, enrolments, certificates and manual completions.

Until 0008 Wagtail wrote them to its own ``ModelLogEntry`` table, where anyone
with a permission on the model read them all. They move to
``lms.LearningLogEntry`` with what they are about, so that the site history
and a cohort's history show them within the reader's scope; none stays behind
in Wagtail's table. The cohort, learner and course come from the object if it
still exists, else from the entry's own data; an entry about a certificate
that no longer exists keeps only its learner, and so is seen only by
programme managers.
"""

from django.db import migrations

MODELS = ["cohort", "enrolment", "certificate", "manualcompletion"]
BATCH = 1000
FIELDS = [
    "content_type_id",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
    "object_id",
]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _scopes(apps, model, object_ids):
    """``{object_id: {cohort_id} or {learner_id, course_id}}`` of the objects that exist."""
    ids = [pk for pk in map(_int, object_ids) if pk is not None]
    if model == "cohort":
        return {str(pk): {"cohort_id": pk} for pk in ids}
    if model == "certificate":
        rows = (
            apps.get_model("lms", "Certificate")
            .objects.filter(pk__in=ids)
            .values_list("pk", "learner_id", "enrolment__course_id")
        )
    else:
        name = "Enrolment" if model == "enrolment" else "ManualCompletion"
        rows = (
            apps.get_model("lms", name)
            .objects.filter(pk__in=ids)
            .values_list("pk", "learner_id", "course_id")
        )
    return {str(pk): {"learner_id": learner, "course_id": course} for pk, learner, course in rows}


def _move(entries, target, scopes_of):
    """Copy ``entries`` to the ``target`` log in batches, deleting each batch copied.

    ``scopes_of(batch)`` gives the extra fields of each entry of the batch.
    """
    entries = entries.order_by("pk")
    while batch := list(entries[:BATCH]):
        target.objects.bulk_create(
            target(**{field: getattr(entry, field) for field in FIELDS}, **scope)
            for entry, scope in zip(batch, scopes_of(batch), strict=True)
        )
        entries.model.objects.filter(pk__in=[entry.pk for entry in batch]).delete()


def move_to_learning_log(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    models = dict(
        ContentType.objects.filter(app_label="lms", model__in=MODELS).values_list("pk", "model")
    )

    def scopes_of(batch):
        found = {}
        for content_type_id, model in models.items():
            object_ids = {e.object_id for e in batch if e.content_type_id == content_type_id}
            found[content_type_id] = _scopes(apps, model, object_ids) if object_ids else {}
        return [found[e.content_type_id].get(e.object_id) or _scope_in_data(e) for e in batch]

    _move(
        apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(content_type_id__in=models),
        apps.get_model("lms", "LearningLogEntry"),
        scopes_of,
    )


def _scope_in_data(entry):
    """The learner and course an entry about a deleted object names in its data, if any."""
    data = entry.data if isinstance(entry.data, dict) else {}
    return {"learner_id": _int(data.get("learner")), "course_id": _int(data.get("course"))}


def move_back_to_wagtail_log(apps, schema_editor):
    _move(
        apps.get_model("lms", "LearningLogEntry").objects.all(),
        apps.get_model("wagtailcore", "ModelLogEntry"),
        lambda batch: [{} for _entry in batch],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0008_learning_log_entries"),
    ]

    operations = [
        migrations.RunPython(move_to_learning_log, move_back_to_wagtail_log),
    ]
