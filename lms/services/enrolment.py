"""Enrolling learners and reading a learner's enrolment (with their record of a lesson) cheaply."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, FilteredRelation, OuterRef, Q
from django.utils.translation import gettext as _

from ..models import CourseItem, CourseRules, Enrolment, LessonProgress
from ..prepared import PreparedQuery
from .audit import log_enrolment
from .completion import refresh_course_aggregates
from .exceptions import NotEnrolled, NotOpen, PrerequisitesNotMet


def enrol(learner, course, *, method=Enrolment.Method.SELF):
    """Enrol ``learner`` in ``course`` (a page); return ``(enrolment, created)``.

    Idempotent and safe under concurrent requests. A learner enrolling
    themselves needs a course with at least one live lesson
    (:class:`NotOpen` otherwise) and must have completed its prerequisite
    courses (:class:`PrerequisitesNotMet`); a trainer's or cohort enrolment
    is a person's decision and is not checked.
    """
    if method == Enrolment.Method.SELF:
        if (
            not is_open(course)
            and not Enrolment.objects.filter(learner=learner, course=course).exists()
        ):
            raise NotOpen(
                _("This course has no lessons yet: it opens when its first lesson is published.")
            )
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


def is_open(course):
    """Whether the course (a page) has a live lesson: only then may a learner enrol themself.

    A translation of a course counts its source's lessons: the lessons of all
    its language versions are one set of items (they share their UUIDs).
    """
    return CourseItem.objects.filter(
        course__translation_key=course.translation_key, is_active=True
    ).exists()


def open_courses(pages):
    """The course pages of ``pages`` (a queryset) that have a live lesson, in any language.

    A plain ``__in`` lookup, so that the pages can still be searched.
    """
    with_lessons = CourseItem.objects.filter(is_active=True).values("course__translation_key")
    return pages.filter(translation_key__in=with_lessons)


def missing_prerequisites(learner, course_id):
    """Prerequisite course pages of ``course_id`` that ``learner`` has not completed."""
    rules = CourseRules.objects.filter(course_id=course_id).first()
    if rules is None:
        return []
    completed = Enrolment.objects.filter(
        learner=learner, course=OuterRef("pk"), completed_at__isnull=False
    )
    return list(rules.prerequisites.exclude(Exists(completed)).only("id", "title", "url_path"))


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
