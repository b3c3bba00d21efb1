"""Quiz attempts: opened, submitted once, scored on the server and recorded."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import statements
from ..models import QUIZ, Attempt, AttemptAnswer, CourseItem, Enrolment, Source, Verb
from .completion import ensure_unlocked
from .exceptions import AttemptRefused, NotEnrolled, UnknownLesson
from .recording import record_learning

# Seconds after a deadline during which a submission still counts (slow networks).
DEADLINE_GRACE_SECONDS = 30


def start_attempt(learner, lesson_uuid, content, *, time_limit_seconds=None, attempts_allowed=0):
    """Open an attempt at a lesson's assessment, or return the one already open.

    ``content`` is what the content app serves (question references and
    option order), stored so that scoring and review see exactly that.
    Raises :class:`AttemptRefused` when no attempts are left.
    """
    item = CourseItem.objects.filter(uuid=lesson_uuid, is_active=True).first()
    if item is None:
        raise UnknownLesson(_("This lesson does not exist or is no longer available."))
    now = timezone.now()
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update()
            .filter(learner=learner, course_id=item.course_id)
            .first()
        )
        if enrolment is None:
            raise NotEnrolled(_("Enrol in the course to take its assessments."))
        ensure_unlocked(learner, item)
        attempts = Attempt.objects.filter(learner=learner, item=item, activity=QUIZ)
        open_attempt = attempts.filter(finished_at__isnull=True).order_by("-number").first()
        if open_attempt is not None and not _past_deadline(open_attempt, now):
            return open_attempt
        if open_attempt is not None:
            _close_expired(open_attempt, now)
        used = attempts.count()
        if attempts_allowed and used >= attempts_allowed:
            raise AttemptRefused(_("You have used all the attempts allowed."))
        deadline = now + timedelta(seconds=time_limit_seconds) if time_limit_seconds else None
        return Attempt.objects.create(
            learner=learner,
            item=item,
            source=Source.QUIZ,
            activity=QUIZ,
            number=used + 1,
            started_at=now,
            deadline=deadline,
            content=content,
        )


def submit_attempt(attempt, answers, *, pass_mark, time_spent=None):
    """Finish ``attempt`` with graded ``answers`` and record the score, in one transaction.

    ``answers`` is a list of dicts with ``position``, ``question_ref``,
    ``answer``, ``answer_text``, ``correct`` (0-1), ``points`` and
    ``max_points``, graded by the content app on the server. An attempt
    submitted after its deadline (and a short grace) scores nothing. A
    submitted attempt is never changed: a second submission raises
    :class:`AttemptRefused`.
    """
    now = timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.finished_at is not None:
            raise AttemptRefused(_("This attempt has already been submitted."))
        late = _past_deadline(attempt, now)
        max_points = sum(answer["max_points"] for answer in answers)
        rows = []
        for answer in answers:
            correct = 0.0 if late else float(answer["correct"])
            rows.append(
                AttemptAnswer(
                    attempt=attempt,
                    position=answer["position"],
                    question_ref=str(answer["question_ref"]),
                    answer=answer["answer"],
                    answer_text=answer["answer_text"],
                    correct=correct,
                    points=0.0 if late else float(answer["points"]),
                )
            )
        AttemptAnswer.objects.bulk_create(rows)
        points = sum(row.points for row in rows)
        attempt.points = points
        attempt.max_points = max_points
        attempt.score = points / max_points if max_points else 0.0
        attempt.passed = attempt.score >= pass_mark
        attempt.completed = True
        attempt.rule = f"quiz: score >= {round(pass_mark * 100)}%"
        attempt.counted = attempt.passed
        attempt.finished_at = now
        if late:
            attempt.content = {**attempt.content, "late": True}
        attempt.save(
            update_fields=[
                "points",
                "max_points",
                "score",
                "passed",
                "completed",
                "rule",
                "counted",
                "finished_at",
                "content",
            ]
        )
        if time_spent is None:
            time_spent = (now - attempt.started_at).total_seconds()
        statements.log(
            attempt.learner,
            source=Source.QUIZ,
            verb="passed" if attempt.passed else "failed",
            object_id=statements.lesson_iri(attempt.item_id),
            item=attempt.item,
            attempt=attempt,
            result=_attempt_result(attempt, time_spent),
            statement_id=statements.logged_id("quiz", attempt.pk),
            timestamp=now,
        )
        result = record_learning(
            attempt.learner,
            attempt.item_id,
            Verb.SCORED,
            score=attempt.score,
            passed=attempt.passed,
            time_spent=time_spent,
            source=Source.QUIZ,
            # A submitted attempt finishes the quiz: that completes a lesson that
            # is not assessed; an assessed one still needs the pass or score.
            finished=True,
        )
    return attempt, result


def _attempt_result(attempt, time_spent):
    """An attempt's result as xAPI writes it."""
    return {
        "score": {
            "scaled": round(attempt.score, 4),
            "raw": attempt.points,
            "min": 0,
            "max": attempt.max_points,
        },
        "success": bool(attempt.passed),
        "completion": True,
        "duration": f"PT{max(0.0, float(time_spent)):.0f}S",
    }


def _past_deadline(attempt, now):
    return attempt.deadline is not None and now > attempt.deadline + timedelta(
        seconds=DEADLINE_GRACE_SECONDS
    )


def _close_expired(attempt, now):
    """An attempt left open past its deadline counts as submitted with no answers."""
    attempt.finished_at = now
    attempt.score = 0.0
    attempt.passed = False
    attempt.counted = False
    attempt.content = {**attempt.content, "expired": True}
    attempt.save(update_fields=["finished_at", "score", "passed", "counted", "content"])
