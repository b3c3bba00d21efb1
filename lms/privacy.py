"""A learner's learning records in their data download, and what erasing them does.

Each model is one registration in :data:`accounts.privacy.personal_data`
(found by :func:`accounts.privacy.autodiscover`). Erasing keeps every record
that programme totals count (enrolments, progress, sessions, attempts,
completions, certificates, cohort membership, the profile's role, district
and institution), which identify nobody once the account is anonymised; it
removes the name on certificates (and their stored PDFs), free-text answers, the person's name in
trainers' notes about them, and what only served the person (their trainer
seats, the ids of reports already recorded).
"""

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.privacy import DELETE, keep, personal_data, redact, scrub

from . import statements as lms_statements
from .models import (
    Attempt,
    AttemptAnswer,
    AttemptSummary,
    Certificate,
    Cohort,
    CohortMembership,
    Enrolment,
    LearnerProfile,
    LearningLogEntry,
    LearningSession,
    LessonProgress,
    ManualCompletion,
    RecordedReport,
    Statement,
)
from .tasks import certificate_pdf_name

ERASED_LEARNER = _("Erased learner")
COUNTED = "counted in programme totals; identifies nobody once the account is anonymised"
STAFF_DECISION = "a staff member's own decision about another learner's record"


def forget_certificate_pdfs(certificates, person):
    """Delete the certificates' stored PDFs, which print the name; a download renders afresh."""
    names = [certificate_pdf_name(certificate) for certificate in certificates]

    def delete():
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)


# What an attempt's state keeps that scores and reports need; the rest (a SCO's
# raw commits, which carry the learner's name, suspend data, free-text
# interactions) served only the person.
KEPT_STATE = (
    "completion_status",
    "success_status",
    "score_raw",
    "score_min",
    "score_max",
    "score_scaled",
    "session_time",
    "total_time",
    "commits",
)


def forget_attempt_state(attempts, person):
    """Keep an attempt's results, drop what of its state may identify the person."""
    for attempt in attempts.exclude(state={}).only("pk", "state"):
        attempt.state = {key: value for key, value in attempt.state.items() if key in KEPT_STATE}
        attempt.save(update_fields=["state"])


def anonymise_statements(statements, person):
    """Rewrite each statement without what may identify the person; keep what it recorded.

    The actor becomes the anonymous learner address, and names, emails,
    free-text responses, context (an instructor, extensions) and attachments
    go: what stays is the verb, the object's id, the score, success,
    completion and duration, and the times.
    """
    for statement in statements.only("pk", "raw"):
        raw = statement.raw if isinstance(statement.raw, dict) else {}
        result = raw.get("result") if isinstance(raw.get("result"), dict) else {}
        target = raw.get("object") if isinstance(raw.get("object"), dict) else {}
        verb = raw.get("verb") if isinstance(raw.get("verb"), dict) else {}
        kept = {
            "id": raw.get("id", str(statement.pk)),
            "actor": lms_statements.actor(person),
            "verb": {"id": verb.get("id", "")},
            "object": {"objectType": "Activity", "id": target.get("id", "")},
            "timestamp": raw.get("timestamp"),
        }
        outcome = {
            key: result[key]
            for key in ("score", "success", "completion", "duration")
            if key in result
        }
        if outcome:
            kept["result"] = outcome
        statement.raw = kept
        statement.digest = lms_statements.digest(kept)
        statement.save(update_fields=["raw", "digest"])


personal_data.register(
    LearnerProfile,
    "user",
    export=["role", "district__name", "institution__name"],
    erase=keep("reports count learners by role, district and institution"),
)
personal_data.register(
    CohortMembership, "learner", export=["cohort__name", "added_at"], erase=keep(COUNTED)
)
# A trainer's seat on a cohort gives access to its learners: it goes with the account.
personal_data.register(Cohort.trainers.through, "user", export=["cohort__name"], erase=DELETE)
personal_data.register(
    Enrolment,
    "learner",
    export=[
        "course__title",
        "method",
        "enrolled_at",
        "progress",
        "lessons_completed",
        "time_spent",
        "last_activity_at",
        "completed_at",
    ],
    erase=keep(COUNTED),
)
personal_data.register(
    LessonProgress,
    "learner",
    export=[
        "item_id",
        "item__page__title",
        "progress",
        "time_spent",
        "first_visited_at",
        "last_visited_at",
        "completed_at",
        "completion_source",
        "best_score",
        "passed_at",
    ],
    erase=keep(COUNTED),
)
personal_data.register(
    LearningSession,
    "learner",
    export=["item_id", "source", "started_at", "last_activity_at", "time_spent", "progress"],
    erase=keep(COUNTED),
)
# Only there so that a retried report is recognised; an erased account reports nothing.
personal_data.register(
    RecordedReport, "learner", export=["request_id", "recorded_at"], erase=DELETE
)
personal_data.register(
    Attempt,
    "learner",
    export=[
        "pk",
        "item_id",
        "source",
        "activity",
        "number",
        "started_at",
        "finished_at",
        "score",
        "passed",
        "completed",
        "rule",
        "counted",
        "state",
    ],
    erase=[keep(COUNTED), forget_attempt_state],
)
# Counted from the attempts above, kept so a result reads one row; it goes with the account.
personal_data.register(
    AttemptSummary,
    "learner",
    export=["item_id", "activity", "attempts", "best_score", "counted"],
    erase=keep(COUNTED),
)
personal_data.register(
    Statement,
    "learner",
    export=["pk", "source", "item_id", "attempt_id", "stored", "raw"],
    erase=anonymise_statements,
)
personal_data.register(
    AttemptAnswer,
    "attempt__learner",
    export=["attempt_id", "position", "answer_text", "correct", "points"],
    erase=scrub(answer_text="", answer=None),
)
personal_data.register(
    Certificate,
    "learner",
    export=[
        "code",
        "learner_name",
        "course_title",
        "cpd_hours",
        "completed_at",
        "issued_at",
        "revoked_at",
        "revoke_reason",
    ],
    erase=[
        scrub(learner_name=ERASED_LEARNER),
        redact("revoke_reason", replacement=ERASED_LEARNER),
        forget_certificate_pdfs,
    ],
)
personal_data.register(
    Certificate,
    "revoked_by",
    export=["code", "course_title", "revoked_at", "revoke_reason"],
    erase=keep(STAFF_DECISION),
)
personal_data.register(
    ManualCompletion,
    "learner",
    export=["course__title", "reason", "created_at"],
    erase=redact("reason", replacement=ERASED_LEARNER),
)
personal_data.register(
    ManualCompletion,
    "decided_by",
    export=["course__title", "reason", "created_at"],
    erase=keep(STAFF_DECISION),
)
personal_data.register(
    LearningLogEntry,
    "learner",
    export=["action", "label", "timestamp", "data"],
    erase=redact("label", "data", replacement=ERASED_LEARNER),
)
personal_data.register(
    LearningLogEntry,
    "user",
    export=["action", "label", "timestamp"],
    erase=keep("the audit trail of staff decisions; it names the account, which is anonymised"),
)
