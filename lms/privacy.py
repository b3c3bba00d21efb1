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

from .models import (
    Attempt,
    AttemptAnswer,
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
    export=["pk", "item_id", "number", "started_at", "finished_at", "score", "passed"],
    erase=keep(COUNTED),
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
