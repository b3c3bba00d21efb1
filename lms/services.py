"""The one way to record learning.

Every source (a lesson page view, "mark as complete", the progress API, and
later H5P statements, quiz attempts and SCORM commits) calls
:func:`record_learning`. It writes the lesson summary, the session and the
course aggregate in one transaction and decides completion there, so a
learner's course is complete the moment their last required lesson is.

Nothing else writes progress.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from .conf import lms_settings
from .models import (
    CompletionRule,
    CourseItem,
    Enrolment,
    LearningSession,
    LessonProgress,
    Source,
    Verb,
)


class NotEnrolled(PermissionDenied):
    """The learner is not enrolled in the course that holds this lesson."""


class UnknownLesson(ValidationError):
    """No active lesson has this UUID."""


@dataclass
class LearningResult:
    """What a call to :func:`record_learning` changed."""

    summary: LessonProgress
    enrolment: Enrolment
    session: LearningSession | None
    lesson_completed_now: bool
    course_completed_now: bool


def enrol(learner, course, *, method=Enrolment.Method.SELF):
    """Enrol ``learner`` in ``course`` (a page); return ``(enrolment, created)``.

    Idempotent and safe under concurrent requests.
    """
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(
                learner=learner, course=course, defaults={"method": method}
            )
    except IntegrityError:
        return Enrolment.objects.get(learner=learner, course=course), False
    if created:
        refresh_course_aggregates(course.pk, learner_id=learner.pk)
        enrolment.refresh_from_db()
    return enrolment, created


def record_learning(
    learner,
    lesson_uuid,
    verb,
    *,
    progress=None,
    progress_delta=None,
    time_spent=0.0,
    source=Source.PAGE,
    extra=None,
):
    """Record that ``learner`` did ``verb`` to the lesson ``lesson_uuid``.

    ``progress`` (absolute, 0-1) and ``progress_delta`` (added) go with
    :attr:`Verb.PROGRESSED`, one or the other, never both. ``time_spent`` is
    seconds since the last report, capped by ``LMS["MAX_TIME_DELTA_SECONDS"]``.
    Progress never moves backwards and a lesson is completed only once.

    Raises :class:`UnknownLesson` for an unknown or inactive lesson,
    :class:`NotEnrolled` when the learner is not on its course and
    :class:`~django.core.exceptions.ValidationError` for bad values.
    """
    verb = Verb(verb)
    new_progress = _validated_progress(verb, progress, progress_delta)
    time_spent = _validated_time(time_spent)
    now = timezone.now()

    item = CourseItem.objects.filter(uuid=lesson_uuid, is_active=True).first()
    if item is None:
        raise UnknownLesson(_("This lesson does not exist or is no longer available."))

    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update()
            .filter(learner=learner, course_id=item.course_id)
            .first()
        )
        if enrolment is None:
            raise NotEnrolled(_("Enrol in the course to record progress on its lessons."))

        summary = _locked_summary(learner, item, now)
        before = summary.progress
        target = before
        if _completes(verb, item.completion_rule):
            target = 1.0
        elif verb == Verb.PROGRESSED:
            target = new_progress if progress is not None else before + new_progress
        summary.progress = max(before, min(1.0, target))
        summary.time_spent += time_spent
        summary.last_visited_at = now
        if summary.first_visited_at is None:
            summary.first_visited_at = now
        if extra:
            summary.extra = {**summary.extra, **extra}
        lesson_completed_now = summary.completed_at is None and summary.progress >= 1.0
        if lesson_completed_now:
            summary.completed_at = now
            summary.completion_source = source
        summary.save(
            update_fields=[
                "progress",
                "time_spent",
                "first_visited_at",
                "last_visited_at",
                "completed_at",
                "completion_source",
                "extra",
            ]
        )

        session = _touch_session(
            learner, item, source, now, time_spent, summary.progress - before, verb
        )

        enrolment.time_spent += time_spent
        enrolment.last_item = item
        enrolment.last_activity_at = now
        update_fields = ["time_spent", "last_item", "last_activity_at"]
        course_completed_now = False
        if lesson_completed_now and item.counts_towards_completion:
            done, total = _course_counts(learner.pk, item.course_id)
            enrolment.lessons_completed = done
            enrolment.progress = done / total if total else 0.0
            update_fields += ["lessons_completed", "progress"]
            if total and done >= total and enrolment.completed_at is None:
                enrolment.completed_at = now
                course_completed_now = True
                update_fields.append("completed_at")
        enrolment.save(update_fields=update_fields)

    return LearningResult(
        summary=summary,
        enrolment=enrolment,
        session=session,
        lesson_completed_now=lesson_completed_now,
        course_completed_now=course_completed_now,
    )


def _completes(verb, rule):
    """Whether ``verb`` completes a lesson under its completion ``rule``."""
    if verb == Verb.MARKED_COMPLETE:
        return True
    if verb == Verb.VIEWED:
        return rule == CompletionRule.ON_VIEW
    if verb == Verb.REACHED_END:
        return rule != CompletionRule.ON_MARK
    return False


def refresh_course_aggregates(course_id, *, learner_id=None):
    """Recount every enrolment of a course (or one learner's) in one UPDATE.

    Called when the course's structure changes (a required lesson added or
    withdrawn). A course already completed stays completed; one whose
    remaining required lessons are now all done is completed now.
    """
    counted = CourseItem.objects.filter(course_id=course_id, required=True, is_active=True)
    total = counted.count()
    done = (
        LessonProgress.objects.filter(
            learner=OuterRef("learner"),
            item__in=counted,
            completed_at__isnull=False,
        )
        .order_by()
        .values("learner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    enrolments = Enrolment.objects.filter(course_id=course_id)
    if learner_id is not None:
        enrolments = enrolments.filter(learner_id=learner_id)
    enrolments.update(lessons_completed=Coalesce(Subquery(done), 0))
    if total:
        enrolments.update(
            progress=Least(
                Cast(F("lessons_completed"), FloatField()) / Value(float(total)), Value(1.0)
            )
        )
        enrolments.filter(completed_at__isnull=True, lessons_completed__gte=total).update(
            completed_at=timezone.now()
        )
    else:
        enrolments.update(progress=0.0)


def _course_counts(learner_id, course_id):
    total = CourseItem.objects.filter(course_id=course_id, required=True, is_active=True).count()
    done = LessonProgress.objects.filter(
        learner_id=learner_id,
        item__course_id=course_id,
        item__required=True,
        item__is_active=True,
        completed_at__isnull=False,
    ).count()
    return done, total


def _locked_summary(learner, item, now):
    summary = LessonProgress.objects.select_for_update().filter(learner=learner, item=item).first()
    if summary is not None:
        return summary
    try:
        with transaction.atomic():
            return LessonProgress.objects.create(learner=learner, item=item)
    except IntegrityError:
        # Another request created it first; lock theirs.
        return LessonProgress.objects.select_for_update().get(learner=learner, item=item)


def _touch_session(learner, item, source, now, time_spent, gained, verb):
    idle = timedelta(seconds=lms_settings.SESSION_IDLE_SECONDS)
    session = (
        LearningSession.objects.filter(
            learner=learner, item=item, source=source, last_activity_at__gte=now - idle
        )
        .order_by("-last_activity_at")
        .first()
    )
    if session is None:
        return LearningSession.objects.create(
            learner=learner,
            item=item,
            source=source,
            started_at=now,
            last_activity_at=now,
            time_spent=time_spent,
            progress=gained,
        )
    session.last_activity_at = now
    session.time_spent += time_spent
    session.progress += gained
    session.save(update_fields=["last_activity_at", "time_spent", "progress"])
    return session


def _validated_progress(verb, progress, progress_delta):
    if progress is not None and progress_delta is not None:
        raise ValidationError(
            _("Send either progress or progress_delta, not both."), code="both_progress"
        )
    if verb != Verb.PROGRESSED:
        if progress is not None or progress_delta is not None:
            raise ValidationError(
                _("Only a progress report may carry a progress value."), code="unexpected"
            )
        return None
    value = progress if progress is not None else progress_delta
    if value is None:
        raise ValidationError(_("A progress report needs progress or progress_delta."))
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Progress must be a number."), code="invalid") from None
    if value != value or not 0.0 <= value <= 1.0:  # NaN fails the first test
        raise ValidationError(_("Progress must be between 0 and 1."), code="out_of_range")
    return value


def _validated_time(time_spent):
    try:
        value = float(time_spent or 0)
    except (TypeError, ValueError):
        raise ValidationError(
            _("Time spent must be a number of seconds."), code="invalid"
        ) from None
    if value != value or value < 0:
        raise ValidationError(_("Time spent cannot be negative."), code="negative_time")
    return min(value, float(lms_settings.MAX_TIME_DELTA_SECONDS))
