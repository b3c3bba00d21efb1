"""A learner's learning records for their data download, and erasing what identifies them.

Registered through the ``personal_data_export`` and ``personal_data_erase``
hooks (see :mod:`accounts.privacy`). Erasing keeps every record that
programme totals count (enrolments, progress, completions, certificates, the
profile's role, district and institution, which identify nobody once the
name is gone) and removes names and free-text answers.
"""

from django.utils.translation import gettext as _

from .models import (
    Attempt,
    AttemptAnswer,
    Certificate,
    CohortMembership,
    Enrolment,
    LearnerProfile,
    LearningSession,
    LessonProgress,
    ManualCompletion,
)


def export_learning_records(user):
    profile = (
        LearnerProfile.objects.filter(user=user)
        .values("role", "district__name", "institution__name")
        .first()
    )
    return {
        "profile": profile,
        "cohorts": list(
            CohortMembership.objects.filter(learner=user).values("cohort__name", "added_at")
        ),
        "enrolments": list(
            Enrolment.objects.filter(learner=user).values(
                "course__title",
                "method",
                "enrolled_at",
                "progress",
                "lessons_completed",
                "time_spent",
                "last_activity_at",
                "completed_at",
            )
        ),
        "lesson_progress": list(
            LessonProgress.objects.filter(learner=user).values(
                "item_id",
                "item__page__title",
                "progress",
                "time_spent",
                "first_visited_at",
                "last_visited_at",
                "completed_at",
                "best_score",
                "passed_at",
            )
        ),
        "learning_sessions": list(
            LearningSession.objects.filter(learner=user).values(
                "item_id", "source", "started_at", "last_activity_at", "time_spent", "progress"
            )
        ),
        "attempts": list(
            Attempt.objects.filter(learner=user).values(
                "pk", "item_id", "number", "started_at", "finished_at", "score", "passed"
            )
        ),
        "answers": list(
            AttemptAnswer.objects.filter(attempt__learner=user).values(
                "attempt_id", "position", "answer_text", "correct", "points"
            )
        ),
        "certificates": list(
            Certificate.objects.filter(learner=user).values(
                "code",
                "learner_name",
                "course_title",
                "cpd_hours",
                "completed_at",
                "issued_at",
                "revoked_at",
            )
        ),
        "manual_completions": list(
            ManualCompletion.objects.filter(learner=user).values(
                "course__title", "reason", "created_at"
            )
        ),
    }


def erase_learner(user):
    """Remove the learner's name from certificates and their free-text answers."""
    Certificate.objects.filter(learner=user).update(learner_name=_("Erased learner"))
    AttemptAnswer.objects.filter(attempt__learner=user).update(answer_text="", answer=None)
