"""Recording a course evaluation: one per learner and course, all or nothing."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.models import Cohort, Enrolment

from .evaluation import RATING_QUESTIONS
from .models import EvaluationReceipt, EvaluationResponse


class AlreadyAnswered(Exception):
    pass


def may_evaluate(learner, course):
    """A learner may evaluate a course they have completed and not evaluated yet."""
    return (
        learner.is_authenticated
        and Enrolment.objects.filter(
            learner=learner, course=course, completed_at__isnull=False
        ).exists()
    )


def has_answered(learner, course):
    return EvaluationReceipt.objects.filter(learner=learner, course=course).exists()


def submit_evaluation(learner, course, answers):
    """Store ``answers`` (the form's cleaned data) without the learner, and the receipt.

    Raises :class:`AlreadyAnswered` when the learner answered before; then
    nothing is stored.
    """
    cohort = (
        Cohort.objects.filter(members=learner, courses=course).order_by("-starts_on", "pk").first()
    )
    today = timezone.localdate()
    try:
        with transaction.atomic():
            EvaluationReceipt.objects.create(learner=learner, course=course)
            return EvaluationResponse.objects.create(
                course=course,
                cohort=cohort,
                month=today.replace(day=1),
                would_recommend=answers["would_recommend"],
                comment=answers.get("comment", "").strip(),
                **{name: answers[name] for name, _label in RATING_QUESTIONS},
            )
    except IntegrityError as error:
        raise AlreadyAnswered from error
