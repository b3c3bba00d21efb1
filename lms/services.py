"""The one way to record learning.

Every source (a lesson page view, "mark as complete", the progress API, and
later H5P statements, quiz attempts and SCORM commits) calls
:func:`record_learning`. It writes the lesson summary, the session and the
course aggregate in one transaction and decides completion there, so a
learner's course is complete the moment their last required lesson is.

Nothing else writes progress.
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    Exists,
    F,
    FilteredRelation,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import pagecache, statements
from .conf import lms_settings
from .models import (
    QUIZ,
    Attempt,
    AttemptAnswer,
    Certificate,
    CompletionRule,
    CourseItem,
    CourseRules,
    Enrolment,
    LearningSession,
    LessonProgress,
    ManualCompletion,
    ModuleRequirement,
    RecordedReport,
    Source,
    Verb,
)
from .prepared import PreparedQuery


class NotEnrolled(PermissionDenied):
    """The learner is not enrolled in the course that holds this lesson."""


class UnknownLesson(ValidationError):
    """No active lesson has this UUID."""


class Locked(PermissionDenied):
    """The lesson's module waits for other modules; ``required`` names them."""

    def __init__(self, message, required=()):
        super().__init__(message)
        self.required = list(required)


class PrerequisitesNotMet(PermissionDenied):
    """The course needs other courses completed first; ``required`` names them."""

    def __init__(self, message, required=()):
        super().__init__(message)
        self.required = list(required)


class UntrustedSource(PermissionDenied):
    """The lesson's completion rule does not let this source score, pass or complete it."""


class AttemptRefused(PermissionDenied):
    """No (further) attempt is allowed, or the attempt was already submitted."""


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


def enrol(learner, course, *, method=Enrolment.Method.SELF):
    """Enrol ``learner`` in ``course`` (a page); return ``(enrolment, created)``.

    Idempotent and safe under concurrent requests. A learner enrolling
    themselves must have completed the course's prerequisite courses
    (:class:`PrerequisitesNotMet` otherwise); a trainer's or cohort enrolment
    is a person's decision and is not checked.
    """
    if method == Enrolment.Method.SELF:
        missing = missing_prerequisites(learner, course.pk)
        if missing and not Enrolment.objects.filter(learner=learner, course=course).exists():
            raise PrerequisitesNotMet(
                _("Complete these courses first: %(courses)s")
                % {"courses": ", ".join(page.title for page in missing)},
                required=missing,
            )
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
        if method != Enrolment.Method.SELF:
            log_enrolment(enrolment)
    return enrolment, created


def log_enrolment(enrolment, *, user=None, action="lms.enrol"):
    """Note in the audit trail that someone other than the learner enrolled them (or not).

    The user defaults to the one of Wagtail's log context (the admin request).
    """
    log(
        enrolment,
        action,
        user=user,
        title=f"{enrolment.course.title} (#{enrolment.learner_id})",
        data={
            "learner": enrolment.learner_id,
            "course": enrolment.course_id,
            "method": enrolment.method,
        },
    )


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

    Cached under :mod:`lms.pagecache`'s generation, which every change to the
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


# The LessonProgress fields ``learner_enrolment(..., record_of=item)`` brings along.
RECORD_FIELDS = (
    "id",
    "progress",
    "time_spent",
    "first_visited_at",
    "last_visited_at",
    "completed_at",
    "best_score",
    "passed_at",
)


def _enrolment_with_record(learner_id, course_id, item_uuid):
    here = FilteredRelation(
        "learner__lesson_progress", condition=Q(learner__lesson_progress__item=item_uuid)
    )
    return (
        Enrolment.objects.filter(learner_id=learner_id, course_id=course_id)
        .annotate(here=here)
        .annotate(**{f"record_{name}": F(f"here__{name}") for name in RECORD_FIELDS})
        .order_by()[:1]
    )


# Read on every lesson view: compiled once (lms.prepared), about 1 ms saved per view.
ENROLMENT_WITH_RECORD = PreparedQuery(
    Enrolment,
    _enrolment_with_record,
    learner_id=-710_001,
    course_id=-710_002,
    item_uuid=uuid.UUID("00000000-0000-4000-8000-000000710003"),
)


# The rows a recording transaction locks first: compiled once, while the lock is held
# every statement's compile time is time the learner's other requests wait.
LOCKED_ENROLMENT = PreparedQuery(
    Enrolment,
    lambda learner_id, course_id: (
        Enrolment.objects.select_for_update()
        .filter(learner_id=learner_id, course_id=course_id)
        .order_by()[:1]
    ),
    learner_id=-710_011,
    course_id=-710_012,
)
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


def learner_enrolment(learner, course_id, *, lock=False, record_of=None):
    """The learner's enrolment in the course, row-locked with ``lock``.

    With ``record_of`` (a lesson's :class:`CourseItem`), the learner's record
    of that lesson comes with it as ``enrolment.lesson_record`` (a
    :class:`LessonProgress`, or None), joined in the same query, which is
    compiled once (:mod:`lms.prepared`); not with ``lock``.

    Raises :class:`NotEnrolled` when there is none.
    """
    if record_of is not None:
        if lock:
            raise ValueError("learner_enrolment reads the record without locks.")
        enrolment = ENROLMENT_WITH_RECORD.first(
            learner_id=learner.pk, course_id=course_id, item_uuid=record_of.uuid
        )
    elif lock:
        enrolment = LOCKED_ENROLMENT.first(learner_id=learner.pk, course_id=course_id)
    else:
        enrolment = Enrolment.objects.filter(learner=learner, course_id=course_id).first()
    if enrolment is None:
        raise NotEnrolled(_("Enrol in the course to record progress on its lessons."))
    if record_of is not None:
        values = {name: getattr(enrolment, f"record_{name}") for name in RECORD_FIELDS}
        enrolment.lesson_record = (
            None
            if values["id"] is None
            else LessonProgress(learner=learner, item=record_of, **values)
        )
    return enrolment


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
    from .signals import lesson_completed

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


def _assessed(item):
    return item.completion_rule in (CompletionRule.ON_SCORE, CompletionRule.ON_PASS)


# Sources that decide on the server: a person's decision or the platform itself.
DECIDING_SOURCES = frozenset({Source.TRAINER, Source.SYSTEM})
# Sources that score on the server, or in the lesson's own activity player.
ACTIVITY_SOURCES = frozenset({Source.QUIZ, Source.H5P, Source.SCORM})


def trusts(item, source):
    """Whether ``source`` may score, pass or complete ``item`` under its completion rule.

    A lesson whose rule names sources (``item.trusted_sources``: its quiz, its
    own H5P activities or SCORM package, xAPI for an external activity) trusts
    only those. A lesson that names none trusts the learner's own reports
    (page, progress API, xAPI) to read and mark it complete, but never to
    score it: an assessed lesson is then scored only by an activity source.
    A trainer's or the system's decision is always trusted.
    """
    source = Source(source)
    if source in DECIDING_SOURCES:
        return True
    named = item.trusted_sources
    if named:
        return source in named
    return source in ACTIVITY_SOURCES or not _assessed(item)


def _untrusted_message(item):
    if Source.XAPI in item.trusted_sources:
        return _("This lesson is completed by its external activity.")
    if Source.QUIZ in item.trusted_sources or _assessed(item):
        return _("This lesson is completed by passing its assessment.")
    return _("This lesson is completed by finishing its activity.")


def _completes(verb, item, source, *, score=None, passed=None, finished=False):
    """Whether ``verb`` from ``source`` completes ``item`` under its completion rule."""
    if not trusts(item, source):
        return False
    rule = item.completion_rule
    if verb == Verb.SCORED:
        if rule == CompletionRule.ON_PASS:
            return bool(passed)
        if rule == CompletionRule.ON_SCORE:
            return score >= item.min_score if item.min_score is not None else bool(passed)
        return bool(finished)  # a scored activity that is also done
    if _assessed(item):
        return False  # only a score completes an assessed lesson
    if verb == Verb.MARKED_COMPLETE:
        return True
    if source in item.trusted_sources and verb == Verb.REACHED_END:
        return True  # the lesson's own activity says it is finished
    if verb == Verb.VIEWED:
        return rule == CompletionRule.ON_VIEW
    if verb == Verb.REACHED_END:
        return rule in (CompletionRule.ON_VIEW, CompletionRule.ON_READ)
    return False


def _complete_if_rules_met(enrolment, now):
    """Complete the course now if its extra rules (time, final assessment) hold.

    Called inside the recording transaction with the enrolment locked and all
    required lessons done. Issues the certificate in the same transaction.
    """
    rules = CourseRules.objects.filter(course_id=enrolment.course_id).first()
    if rules is not None:
        if rules.min_time_spent and enrolment.time_spent < rules.min_time_spent:
            return False
        if (
            rules.final_assessment_id
            and not LessonProgress.objects.filter(
                learner_id=enrolment.learner_id,
                item_id=rules.final_assessment_id,
                passed_at__isnull=False,
            ).exists()
        ):
            return False
    enrolment.completed_at = now
    enrolment.save(update_fields=["completed_at"])
    issue_certificate(enrolment, rules)
    return True


def issue_certificate(enrolment, rules=None):
    """Issue (once) the certificate of a completed enrolment.

    After commit, background tasks store its PDF and email the learner.
    """
    if rules is None:
        rules = CourseRules.objects.filter(course_id=enrolment.course_id).first()
    learner = enrolment.learner
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "learner": learner,
            "learner_name": learner.get_full_name() or learner.get_username(),
            "course_title": rules.title if rules else enrolment.course.title,
            "cpd_hours": rules.cpd_hours if rules else 0,
            "completed_at": enrolment.completed_at,
            "issuer": lms_settings.CERTIFICATE_ISSUER,
        },
    )
    if created:
        from .tasks import render_certificate_pdf, send_certificate_email

        transaction.on_commit(lambda: render_certificate_pdf.enqueue(certificate.pk))
        if learner.email:
            transaction.on_commit(lambda: send_certificate_email.enqueue(certificate.pk))
    return certificate


def complete_for_learner(learner, course, *, decided_by, reason):
    """A trainer's decision that ``learner`` has completed ``course``; logged with the reason.

    Nobody decides for themself, not even a superuser: the certificate it issues
    must rest on someone else's judgement.
    """
    if decided_by is not None and decided_by.pk == learner.pk:
        raise ValidationError(_("You cannot complete a course for yourself."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for completing this course by hand."))
    with transaction.atomic():
        enrolment, _created = Enrolment.objects.select_for_update().get_or_create(
            learner=learner, course=course, defaults={"method": Enrolment.Method.TRAINER}
        )
        if _created:
            log_enrolment(enrolment, user=decided_by)
        decision = ManualCompletion.objects.create(
            learner=learner, course=course, decided_by=decided_by, reason=reason
        )
        log(
            decision,
            "lms.complete_for_learner",
            user=decided_by,
            title=f"{course.title} (#{learner.pk})",
            data={"learner": learner.pk, "course": course.pk, "reason": reason},
        )
        statements.log(
            learner,
            source=Source.TRAINER,
            verb="completed",
            object_id=statements.course_iri(course.pk),
            name=course.title,
            result={"completion": True},
            context={"instructor": statements.actor(decided_by)} if decided_by else None,
            statement_id=statements.logged_id("manual-completion", decision.pk),
        )
        if enrolment.completed_at is None:
            enrolment.completed_at = timezone.now()
            enrolment.save(update_fields=["completed_at"])
        return issue_certificate(enrolment)


def revoke_certificate(certificate, *, revoked_by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for revoking this certificate."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is not None:
            raise ValidationError(_("This certificate is already revoked."))
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = revoked_by
        certificate.revoke_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
        log(
            certificate,
            "lms.revoke_certificate",
            user=revoked_by,
            title=certificate.code,
            data={"learner": certificate.learner_id, "reason": reason},
        )
    return certificate


def missing_prerequisites(learner, course_id):
    """Prerequisite course pages of ``course_id`` that ``learner`` has not completed."""
    rules = CourseRules.objects.filter(course_id=course_id).first()
    if rules is None:
        return []
    completed = Enrolment.objects.filter(
        learner=learner, course=OuterRef("pk"), completed_at__isnull=False
    )
    return list(rules.prerequisites.exclude(Exists(completed)).only("id", "title", "url_path"))


def module_completion(learner, course_id):
    """``{module_id: (done, total)}`` over required active lessons, in two queries."""
    totals = dict(
        CourseItem.objects.filter(course_id=course_id, required=True, is_active=True)
        .values("module_id")
        .annotate(n=Count("pk"))
        .values_list("module_id", "n")
    )
    done = dict(
        LessonProgress.objects.filter(
            learner=learner,
            item__course_id=course_id,
            item__required=True,
            item__is_active=True,
            completed_at__isnull=False,
        )
        .values("item__module_id")
        .annotate(n=Count("pk"))
        .values_list("item__module_id", "n")
    )
    return {module_id: (done.get(module_id, 0), total) for module_id, total in totals.items()}


def locked_modules(learner, course_id):
    """``{module_id: [required module ids not yet complete]}`` for one learner and course."""
    if not _modules_with_requirements(course_id):
        return {}
    requirements = list(
        ModuleRequirement.objects.filter(course_id=course_id).values_list(
            "module_id", "requires_id"
        )
    )
    if not requirements:
        return {}
    completion = module_completion(learner, course_id)
    locked = {}
    for module_id, requires_id in requirements:
        done, total = completion.get(requires_id, (0, 0))
        if done < total:
            locked.setdefault(module_id, []).append(requires_id)
    return locked


def _modules_with_requirements(course_id):
    """The course's modules that wait for others (cached until the course is published again)."""
    return pagecache.cached(
        f"modules-with-requirements:{course_id}",
        lambda: set(
            ModuleRequirement.objects.filter(course_id=course_id).values_list(
                "module_id", flat=True
            )
        ),
    )


def ensure_unlocked(learner, item):
    """Raise :class:`Locked` if the item's module waits for modules not yet complete."""
    if item.module_id is None or item.module_id not in _modules_with_requirements(item.course_id):
        return
    required = list(
        ModuleRequirement.objects.filter(module_id=item.module_id).select_related("requires")
    )
    if not required:
        return
    completion = module_completion(learner, item.course_id)
    waiting = [
        requirement.requires
        for requirement in required
        if completion.get(requirement.requires_id, (0, 0))[0]
        < completion.get(requirement.requires_id, (0, 0))[1]
    ]
    if waiting:
        raise Locked(
            _("Complete these modules first: %(modules)s")
            % {"modules": ", ".join(page.title for page in waiting)},
            required=waiting,
        )


def refresh_course_aggregates(course_id, *, learner_id=None, learner_ids=None):
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
    if learner_ids is not None:
        enrolments = enrolments.filter(learner_id__in=learner_ids)
    enrolments.update(lessons_completed=Coalesce(Subquery(done), 0))
    if total:
        enrolments.update(
            progress=Least(
                Cast(F("lessons_completed"), FloatField()) / Value(float(total)), Value(1.0)
            )
        )
        now = timezone.now()
        for enrolment in enrolments.filter(
            completed_at__isnull=True, lessons_completed__gte=total
        ).select_related("learner"):
            with transaction.atomic():
                _complete_if_rules_met(enrolment, now)
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


# Assessment attempts ---------------------------------------------------------

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
