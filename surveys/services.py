"""Recording a course evaluation: one per learner and course, all or nothing."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.access import has_completed
from lms.models import Cohort

from .evaluation import RATING_QUESTIONS
from .models import EvaluationReceipt, EvaluationResponse


class AlreadyAnswered(Exception):
    pass


def may_evaluate(learner, course):
    """A learner may evaluate a course they have completed (``lms.access.has_completed``).

    Whether they have evaluated it already is :func:`has_answered`.
    """
    return has_completed(learner, course)


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
