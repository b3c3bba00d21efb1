"""Who may study a lesson now: the one check behind every view of lesson content.

Every view that serves a lesson's content (the lesson page, an H5P player and
its files, a SCORM package, a quiz, a module pack's blocks) or records work
on it asks :func:`study_access`, or :func:`require_study` where a refusal
should simply raise, and acts on the answer::

    from lms import access

    decision = access.study_access(request.user, lesson.lesson_uuid, page=lesson)
    if not decision:
        ...  # refused: decision.reason says why, decision.message says it to the person
    elif decision.recorded:
        ...  # an enrolled learner: their work is recorded
    else:
        ...  # decision.preview: an editor of the page looks; nothing is recorded

lms knows a lesson as its :class:`~lms.models.CourseItem` (uuid, course,
module, page, whether it is active) and the page as a Wagtail page; it never
imports the content apps. The decision, in order:

1. Nobody is signed in: refused (:attr:`Refusal.ANONYMOUS`).
2. The item is active (the lesson, its module and its course are published)
   and the page, when the caller passes it, is live; the person is enrolled in
   the item's course and the item's module waits for no other module: they
   may study it and their work is recorded.
3. Otherwise an editor of the live page (Wagtail's edit permission, which
   superusers hold) may open it as a preview: nothing of theirs is recorded.
4. Otherwise refused: :attr:`~Refusal.UNAVAILABLE` (no active item, or the
   page is not live), :attr:`~Refusal.LOCKED` (enrolled, but the module waits
   for modules not yet complete; ``required`` names them),
   :attr:`~Refusal.PREREQUISITES` (not enrolled, and the course needs other
   courses completed first, the reason enrolling would be refused) or
   :attr:`~Refusal.NOT_ENROLLED`.

Prerequisite courses are checked when a learner enrols themself
(:func:`lms.services.enrol`); once enrolled, by themself or by a trainer,
they are not asked again.

An enrolled learner's decision is one read, compiled once
(:mod:`lms.prepared`): the item with their enrolment and whether its module
waits for others; module locks cost more only in a course whose modules wait
for others. Refusals and previews cost a few more reads.
:func:`visit_lesson` gives the lesson page the same decision while recording
the visit, in the reads :func:`lms.services.record_visit` makes anyway.
"""

import uuid
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import services
from .models import CourseItem, Enrolment, ModuleRequirement
from .prepared import PreparedQuery


class Refusal(StrEnum):
    """Why a person may not open a lesson."""

    ANONYMOUS = "anonymous"
    UNAVAILABLE = "unavailable"
    NOT_ENROLLED = "not_enrolled"
    PREREQUISITES = "prerequisites"
    LOCKED = "locked"


class SignInRequired(PermissionDenied):
    """Nobody is signed in."""


class LessonUnavailable(Http404):
    """The lesson is not live, or lms has no active item for it."""


@dataclass(frozen=True)
class Access:
    """lms's answer to "may this person study this lesson now".

    True when they may open it. ``recorded`` says their work is recorded (an
    enrolled learner); an allowed decision that is not recorded is an
    editor's :attr:`preview`. A refusal carries its ``reason``, a ``message``
    to show the person and, when modules or courses must be completed first,
    those pages in ``required``.
    """

    allowed: bool
    recorded: bool = False
    reason: Refusal | None = None
    message: str = ""
    # The lesson's item as the decision read it (None when lms does not know the lesson).
    item: CourseItem | None = None
    required: tuple = ()

    def __bool__(self):
        return self.allowed

    @property
    def preview(self):
        """An editor's look at the lesson: it opens, nothing is recorded."""
        return self.allowed and not self.recorded

    def refusal(self, *, record=False):
        """The exception a view raises for this decision, or None when it may go on.

        With ``record``, a preview is refused too (:class:`~lms.services.NotEnrolled`):
        for views that exist only to record a learner's work.
        """
        if self.recorded or (self.allowed and not record):
            return None
        if self.allowed or self.reason == Refusal.NOT_ENROLLED:
            error = services.NotEnrolled(
                self.message or _("Enrol in the course to record progress on its lessons.")
            )
        elif self.reason == Refusal.ANONYMOUS:
            error = SignInRequired(self.message)
        elif self.reason == Refusal.UNAVAILABLE:
            error = LessonUnavailable(self.message)
        elif self.reason == Refusal.LOCKED:
            error = services.Locked(self.message, required=self.required)
        else:
            error = services.PrerequisitesNotMet(self.message, required=self.required)
        error.access = self
        return error


def study_access(user, lesson, *, page=None, preview=True):
    """Whether ``user`` may study ``lesson`` now, and whether their work is recorded.

    ``lesson`` is the lesson's UUID (or its text) or its
    :class:`~lms.models.CourseItem`. ``page``, the lesson's Wagtail page when
    the caller has it, is checked to be live and spares reading it for an
    editor's preview. With ``preview=False`` editors are not considered (for
    views that only record work): someone not enrolled is refused.
    """
    if not getattr(user, "is_authenticated", False):
        return _refused(Refusal.ANONYMOUS, _("Sign in to study this lesson."))
    item = _item_for(user, lesson)
    live = page is None or page.live
    active = item is not None and item.is_active and live
    locked = None
    if active and item.learner_enrolment is not None:
        try:
            if item.module_waits:
                services.ensure_unlocked(user, item)
        except services.Locked as error:
            locked = error
        else:
            return Access(allowed=True, recorded=True, item=item)
    if preview and live and _edits(user, item, page):
        return Access(allowed=True, recorded=False, item=item)
    if not active:
        return _refused(
            Refusal.UNAVAILABLE, _("This lesson does not exist or is no longer available."), item
        )
    if locked is not None:
        return _refused(Refusal.LOCKED, str(locked), item, locked.required)
    missing = services.missing_prerequisites(user, item.course_id)
    if missing:
        return _refused(
            Refusal.PREREQUISITES,
            _("Complete these courses first: %(courses)s")
            % {"courses": ", ".join(course.title for course in missing)},
            item,
            missing,
        )
    return _refused(Refusal.NOT_ENROLLED, _("Enrol in this course to start its lessons."), item)


def require_study(user, lesson, *, page=None, record=False):
    """:func:`study_access`, raising its refusal; returns the decision when allowed.

    Raises :class:`SignInRequired` (a ``PermissionDenied``),
    :class:`LessonUnavailable` (an ``Http404``),
    :class:`lms.services.NotEnrolled`, :class:`lms.services.Locked` or
    :class:`lms.services.PrerequisitesNotMet`; each carries the decision as
    ``access``. With ``record``, an editor's preview is refused with
    :class:`~lms.services.NotEnrolled`: for views that record work.
    """
    decision = study_access(user, lesson, page=page, preview=not record)
    error = decision.refusal(record=record)
    if error is not None:
        raise error
    return decision


def visit_lesson(user, lesson, *, page=None):
    """:func:`study_access` for the lesson page itself, recording an enrolled learner's visit.

    Returns ``(decision, enrolment)``. An enrolled learner's visit goes
    through :func:`lms.services.record_visit`, which checks the item, the
    enrolment and module locks as :func:`study_access` does, in the reads it
    makes to record the visit, so the lesson page pays nothing for the check;
    the enrolment comes with the learner's record of the lesson as
    ``enrolment.lesson_record``. Anyone it refuses gets :func:`study_access`'s
    decision (a preview, or the reason), and no enrolment.
    """
    if getattr(user, "is_authenticated", False) and (page is None or page.live):
        lesson_uuid = lesson.uuid if isinstance(lesson, CourseItem) else lesson
        try:
            enrolment = services.record_visit(user, lesson_uuid)
        except (PermissionDenied, ValidationError):  # NotEnrolled, Locked, UnknownLesson
            pass
        else:
            item = services.active_item(lesson_uuid)  # cached by record_visit
            return Access(allowed=True, recorded=True, item=item), enrolment
    return study_access(user, lesson, page=page), None


def has_completed(user, course):
    """Whether ``user`` has completed ``course`` (a course page or its id); one query."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Enrolment.objects.filter(
        learner=user, course_id=getattr(course, "pk", course), completed_at__isnull=False
    ).exists()


def _item_with_learner(learner_id, item_uuid):
    enrolment = Enrolment.objects.filter(learner_id=learner_id, course_id=OuterRef("course_id"))
    waits = ModuleRequirement.objects.filter(module_id=OuterRef("module_id"))
    return (
        CourseItem.objects.filter(uuid=item_uuid)
        .annotate(
            learner_enrolment=Subquery(enrolment.values("pk")[:1]), module_waits=Exists(waits)
        )
        .order_by()[:1]
    )


# The item, active or not, with the learner's enrolment in its course and whether
# its module waits for others: the whole of an enrolled learner's check in one
# read, compiled once (lms.prepared), with no cache to warm.
ITEM_WITH_LEARNER = PreparedQuery(
    CourseItem,
    _item_with_learner,
    learner_id=-710_031,
    item_uuid=uuid.UUID("00000000-0000-4000-8000-000000710032"),
)


def _item_for(user, lesson):
    """The lesson's item (``learner_enrolment``: the user's enrolment id or None; ``module_waits``).

    None when lms does not know the lesson, or it is not a UUID.
    """
    try:
        lesson_uuid = uuid.UUID(str(lesson.uuid if isinstance(lesson, CourseItem) else lesson))
    except ValueError:
        return None
    return ITEM_WITH_LEARNER.first(learner_id=user.pk, item_uuid=lesson_uuid)


def _refused(reason, message, item=None, required=()):
    return Access(
        allowed=False, reason=reason, message=message, item=item, required=tuple(required)
    )


def _edits(user, item, page):
    """Whether ``user`` may edit the lesson's live page (superusers may edit every page)."""
    if page is None:
        if item is None or item.page_id is None:
            return False
        page = Page.objects.filter(pk=item.page_id, live=True).first()
        if page is None:
            return False
    return page.permissions_for_user(user).can_edit()
