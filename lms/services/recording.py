"""The one way to record learning: :func:`record_learning` and the lesson visit."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from pagecache import cache as pagecache

from ..conf import lms_settings
from ..models import (
    CourseItem,
    Enrolment,
    LearningSession,
    LessonProgress,
    RecordedReport,
    Source,
    Verb,
)
from ..prepared import PreparedQuery
from .completion import (
    _assessed,
    _complete_if_rules_met,
    _completes,
    _course_counts,
    _untrusted_message,
    ensure_unlocked,
    trusts,
)
from .enrolment import learner_enrolment
from .exceptions import UnknownLesson, UntrustedSource


@dataclass
class LearningResult:
    """What a call to :func:`record_learning` changed."""

    summary: LessonProgress
    enrolment: Enrolment
    # The learning session this report started; None when it extended an open one.
    session: LearningSession | None
    lesson_completed_now: bool
    course_completed_now: bool
    # True when ``request_id`` had been recorded before: nothing changed this time.
    duplicate: bool = False


def record_learning(
    learner,
    lesson_uuid,
    verb,
    *,
    progress=None,
    progress_delta=None,
    time_spent=0.0,
    score=None,
    passed=None,
    source=Source.PAGE,
    extra=None,
    request_id=None,
    item=None,
    finished=False,
):
    """Record that ``learner`` did ``verb`` to the lesson ``lesson_uuid``.

    ``progress`` (absolute, 0-1) and ``progress_delta`` (added) go with
    :attr:`Verb.PROGRESSED`, one or the other, never both. ``time_spent`` is
    seconds since the last report, capped by ``LMS["MAX_TIME_DELTA_SECONDS"]``.
    ``score`` (0-1) and ``passed`` go with :attr:`Verb.SCORED`; ``finished``
    with it says the source's activity is done as well (an H5P activity whose
    rule is met, a SCORM package whose parts are complete), which completes a
    lesson that is not assessed, so one event is one call.
    Progress never moves backwards and a lesson is completed only once; the
    lesson's completion rule decides which verbs complete it.

    ``item``, the lesson's :class:`CourseItem` when the caller has already read
    it, saves reading it again.

    ``request_id`` (at most 64 characters) names the report: a report whose
    id this learner has sent before is recognised and changes nothing
    (``duplicate`` is set on the result), so a client may retry safely.

    Raises :class:`UnknownLesson` for an unknown or inactive lesson,
    :class:`NotEnrolled` when the learner is not on its course,
    :class:`Locked` when its module waits for others, and
    :class:`~django.core.exceptions.ValidationError` for bad values.
    """
    verb = Verb(verb)
    new_progress = _validated_progress(verb, progress, progress_delta)
    score = _validated_score(verb, score)
    time_spent = _validated_time(time_spent)
    now = timezone.now()

    if item is None or str(item.uuid) != str(lesson_uuid) or not item.is_active:
        item = active_item(lesson_uuid)

    with transaction.atomic():
        enrolment = learner_enrolment(learner, item.course_id, lock=True)
        if request_id is not None and not _first_time(learner, request_id):
            summary = LessonProgress.objects.filter(learner=learner, item=item).first()
            return LearningResult(
                summary=summary or LessonProgress(learner=learner, item=item),
                enrolment=enrolment,
                session=None,
                lesson_completed_now=False,
                course_completed_now=False,
                duplicate=True,
            )
        ensure_unlocked(learner, item)
        trusted = trusts(item, source)
        if not trusted and verb in (Verb.SCORED, Verb.MARKED_COMPLETE):
            raise UntrustedSource(_untrusted_message(item))

        summary = _locked_summary(learner, item, now)
        before = summary.progress
        target = before
        passed_now = False
        if verb == Verb.SCORED:
            summary.best_score = max(summary.best_score or 0.0, score)
            if passed and summary.passed_at is None:
                summary.passed_at = now
                passed_now = True
        if _completes(verb, item, source, score=score, passed=passed, finished=finished):
            target = 1.0
        elif verb == Verb.PROGRESSED:
            target = new_progress if progress is not None else before + new_progress
            if _assessed(item) or not trusted:
                # Only a score (or the sources the rule names) completes this lesson.
                target = min(target, 0.99)
        elif verb == Verb.SCORED and _assessed(item):
            target = min(score, 0.99)
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
            transaction.on_commit(
                partial(_announce_lesson_completed, learner.pk, item.uuid, item.course_id, now)
            )
        summary.save(
            update_fields=[
                "progress",
                "time_spent",
                "first_visited_at",
                "last_visited_at",
                "completed_at",
                "completion_source",
                "best_score",
                "passed_at",
                "extra",
            ]
        )

        session = _touch_session(learner, item, source, now, time_spent, summary.progress - before)

        enrolment.time_spent += time_spent
        enrolment.last_item = item
        enrolment.last_activity_at = now
        update_fields = ["time_spent", "last_item", "last_activity_at"]
        if lesson_completed_now and item.counts_towards_completion:
            done, total = _course_counts(learner.pk, item.course_id)
            enrolment.lessons_completed = done
            enrolment.progress = done / total if total else 0.0
            update_fields += ["lessons_completed", "progress"]
        enrolment.save(update_fields=update_fields)
        transaction.on_commit(partial(_note_written, learner.pk, item.uuid))
        course_completed_now = False
        something_changed = lesson_completed_now or passed_now or time_spent
        if enrolment.completed_at is None and enrolment.progress >= 1.0 and something_changed:
            course_completed_now = _complete_if_rules_met(enrolment, now)

    return LearningResult(
        summary=summary,
        enrolment=enrolment,
        session=session,
        lesson_completed_now=lesson_completed_now,
        course_completed_now=course_completed_now,
    )


def active_item(lesson_uuid):
    """The lesson's active :class:`CourseItem`; raises :class:`UnknownLesson`.

    Cached under :mod:`pagecache`'s generation, which every change to the
    items (``lms.structure``, a saved item) moves on.
    """
    find = CourseItem.objects.filter(uuid=lesson_uuid, is_active=True).first
    try:
        item = pagecache.cached(f"active-item:{uuid.UUID(str(lesson_uuid))}", find)
    except ValueError:  # not a UUID: the field's own validation error
        item = find()
    if item is None:
        raise UnknownLesson(_("This lesson does not exist or is no longer available."))
    return item


LOCKED_RECORD = PreparedQuery(
    LessonProgress,
    lambda learner_id, item_uuid: (
        LessonProgress.objects.select_for_update()
        .filter(learner_id=learner_id, item_id=item_uuid)
        .order_by()[:1]
    ),
    learner_id=-710_021,
    item_uuid=uuid.UUID("00000000-0000-4000-8000-000000710022"),
)


def _visit_key(learner_id):
    return f"lms:last-visit:{learner_id}"


def _note_written(learner_id, lesson_uuid):
    """Remember for a while that the learner's records were just moved on to this lesson."""
    interval = lms_settings.VISIT_WRITE_INTERVAL_SECONDS
    if interval:
        cache.set(_visit_key(learner_id), str(lesson_uuid), interval)


def record_visit(learner, lesson_uuid, *, source=Source.PAGE):
    """``learner`` opened a lesson; return their enrolment.

    The learner's record of the lesson (a :class:`LessonProgress`, after the
    visit) comes with it as ``enrolment.lesson_record``, read in the same query.

    The same as ``record_learning(learner, lesson_uuid, Verb.VIEWED)``, but a
    return visit, which only moves timestamps (the lesson's, the course's and
    the learning session's), is written in three UPDATE statements without row
    locks. The first visit, and a visit that completes the lesson, take the
    full path.

    A return visit to the lesson whose records were written last, less than
    ``LMS["VISIT_WRITE_INTERVAL_SECONDS"]`` ago (a reload, a learner going
    back and forth in one lesson), writes nothing: the timestamps it would
    move are already that recent, and "where the learner left off" is already
    this lesson. Enrolment and module locks are checked all the same. Raises
    as :func:`record_learning` does.
    """
    now = timezone.now()
    item = active_item(lesson_uuid)
    enrolment = learner_enrolment(learner, item.course_id, record_of=item)
    ensure_unlocked(learner, item)
    completes = _completes(Verb.VIEWED, item, source)
    if (
        not completes
        and lms_settings.VISIT_WRITE_INTERVAL_SECONDS
        and cache.get(_visit_key(learner.pk)) == str(item.uuid)
    ):
        return enrolment
    visited = LessonProgress.objects.filter(
        learner=learner, item=item, first_visited_at__isnull=False
    )
    if completes:
        visited = visited.filter(completed_at__isnull=False)
    if not visited.update(last_visited_at=now):
        result = record_learning(learner, lesson_uuid, Verb.VIEWED, source=source, item=item)
        result.enrolment.lesson_record = result.summary
        return result.enrolment
    Enrolment.objects.filter(pk=enrolment.pk).update(last_item=item, last_activity_at=now)
    enrolment.last_item, enrolment.last_activity_at = item, now
    _touch_session(learner, item, source, now, 0.0, 0.0)
    transaction.on_commit(partial(_note_written, learner.pk, item.uuid))
    record = enrolment.lesson_record
    if record is None:  # created by a concurrent request since it was read
        enrolment.lesson_record = record = LessonProgress.objects.get(learner=learner, item=item)
    record.last_visited_at = now
    return enrolment


def _announce_lesson_completed(learner_id, lesson_uuid, course_id, completed_at):
    from ..signals import lesson_completed

    lesson_completed.send(
        sender=LessonProgress,
        learner_id=learner_id,
        lesson_uuid=lesson_uuid,
        course_id=course_id,
        completed_at=completed_at,
    )


def _first_time(learner, request_id):
    """Note ``request_id`` as recorded; False if it already was.

    Called with the learner's enrolment locked, so a concurrent retry waits
    for the first to commit and then finds its row.
    """
    request_id = str(request_id).strip()
    if not request_id or len(request_id) > 64:
        raise ValidationError(_("A request id has 1 to 64 characters."), code="request_id")
    try:
        with transaction.atomic():
            RecordedReport.objects.create(learner=learner, request_id=request_id)
    except IntegrityError:
        return False
    return True


def _locked_summary(learner, item, now):
    summary = LOCKED_RECORD.first(learner_id=learner.pk, item_uuid=item.uuid)
    if summary is not None:
        return summary
    try:
        with transaction.atomic():
            return LessonProgress.objects.create(learner=learner, item=item)
    except IntegrityError:
        # Another request created it first; lock theirs.
        return LessonProgress.objects.select_for_update().get(learner=learner, item=item)


def _touch_session(learner, item, source, now, time_spent, gained):
    """Extend the learner's open session on the lesson in one UPDATE, or start one.

    Returns the new session, or None when an open one was extended.
    """
    idle = timedelta(seconds=lms_settings.SESSION_IDLE_SECONDS)
    latest = (
        LearningSession.objects.filter(
            learner=learner, item=item, source=source, last_activity_at__gte=now - idle
        )
        .order_by("-last_activity_at")
        .values("pk")[:1]
    )
    extended = LearningSession.objects.filter(pk=Subquery(latest)).update(
        last_activity_at=now,
        time_spent=F("time_spent") + time_spent,
        progress=F("progress") + gained,
    )
    if extended:
        return None
    return LearningSession.objects.create(
        learner=learner,
        item=item,
        source=source,
        started_at=now,
        last_activity_at=now,
        time_spent=time_spent,
        progress=gained,
    )


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


def _validated_score(verb, score):
    if verb != Verb.SCORED:
        if score is not None:
            raise ValidationError(_("Only a score report may carry a score."), code="unexpected")
        return None
    try:
        value = float(score)
    except (TypeError, ValueError):
        raise ValidationError(_("Score must be a number."), code="invalid") from None
    if value != value or not 0.0 <= value <= 1.0:
        raise ValidationError(_("Score must be between 0 and 1."), code="out_of_range")
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
