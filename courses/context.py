"""What the learner pages show: the catalogue, a course and a lesson, with the learner's records.

Each page type's ``get_context`` (and a lesson's ``serve``, through
:func:`admit_learner`) calls these, so this module sits below the page models
and imports none of them; the views of :mod:`courses.views` use them too.
The pages import this module when they serve, not when they load: it uses
:mod:`lms.services`, whose prepared queries need every model loaded.
Query counts do not grow with the size of a course: a course page or lesson
page loads its lessons in one query and the learner's records in one more.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from lms import access, services
from lms.models import Enrolment, LessonProgress
from ui.search import search

from .forms import CatalogueFilterForm
from .outline import DONE, IN_PROGRESS, NOT_STARTED, lesson_position, outline


def catalogue_context(catalogue, request):
    form = CatalogueFilterForm(request.GET or None)
    # A course with no live lesson yet is not offered (it cannot be enrolled in).
    courses = services.open_courses(catalogue.live_courses())
    query = ""
    if form.is_valid():
        data = form.cleaned_data
        if data["programme"]:
            courses = courses.filter(programme=data["programme"])
        if data["audience"]:
            courses = courses.filter(audience=data["audience"])
        if data["language"]:
            courses = courses.filter(language=data["language"])
        query = data["q"].strip()
    courses = courses.select_related("programme").prefetch_related(
        Prefetch(
            "cover_image",
            queryset=get_image_model().objects.prefetch_renditions("fill-640x360"),
        )
    )
    if query:
        ranked_ids = [page.pk for page in search(courses, query)]
        by_id = courses.in_bulk(ranked_ids)
        courses = [by_id[pk] for pk in ranked_ids if pk in by_id]
    else:
        # The learner's own language first, then the rest in tree order.
        courses = courses.annotate(
            in_my_language=Case(
                When(language=get_language()[:2], then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("in_my_language", "path")
    page = Paginator(courses, 12).get_page(request.GET.get("page"))
    enrolments = {}
    if request.user.is_authenticated:
        enrolments = {
            e.course_id: e
            for e in Enrolment.objects.filter(
                learner=request.user, course_id__in=[c.pk for c in page.object_list]
            )
        }
    for course in page.object_list:
        course.enrolment = enrolments.get(course.pk)
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return {
        "filter_form": form,
        "courses": page,
        "query": query,
        "filter_querystring": querystring.urlencode(),
        "is_filtered": bool(query)
        or any(request.GET.get(k) for k in ("programme", "audience", "language")),
    }


def _state_of(summary):
    """A lesson's state for the learner, from their record of it (or None)."""
    if summary is None or (
        summary.progress == 0 and summary.completed_at is None and not summary.first_visited_at
    ):
        return NOT_STARTED
    if summary.completed_at is not None:
        return DONE
    return IN_PROGRESS


def _lesson_states(lessons, summaries):
    for lesson in lessons:
        lesson.summary_record = summaries.get(lesson.lesson_uuid)
        lesson.state = _state_of(lesson.summary_record)
    return lessons


def _learner_records(course, user):
    """The learner's enrolment and lesson summaries for one course: two queries."""
    if not user.is_authenticated:
        return None, {}
    enrolment = Enrolment.objects.filter(learner=user, course=course).first()
    if enrolment is None:
        return None, {}
    return enrolment, _lesson_summaries(course, user)


def _lesson_summaries(course, user):
    return {
        summary.item_id: summary
        for summary in LessonProgress.objects.filter(learner=user, item__course_id=course.pk).only(
            "item_id", "progress", "completed_at", "first_visited_at"
        )
    }


def _resume_lesson(lessons, enrolment):
    """Where "Continue" takes the learner: the last lesson if unfinished, else the next to do."""
    if enrolment is not None and enrolment.last_item_id:
        for lesson in lessons:
            if lesson.lesson_uuid == enrolment.last_item_id and lesson.state != DONE:
                return lesson
    return next((lesson for lesson in lessons if lesson.state != DONE), None)


def course_context(course, request):
    course_outline = outline(course, request)
    modules, lessons = course_outline.modules, course_outline.lessons
    enrolment, summaries = _learner_records(course, request.user)
    _lesson_states(lessons, summaries)
    locked = services.locked_modules(request.user, course.pk) if enrolment else {}
    titles = {module.pk: module.title for module in modules}
    for module in modules:
        module.waits_for = [titles.get(pk, "") for pk in locked.get(module.pk, [])]
        for lesson in module.lesson_list:
            lesson.is_waiting = bool(module.waits_for)
    missing = []
    if enrolment is None and request.user.is_authenticated:
        missing = services.missing_prerequisites(request.user, course.pk)
    return {
        "course": course,
        "modules": modules,
        "lessons": lessons,
        "enrolment": enrolment,
        "resume_lesson": _resume_lesson(
            [lesson for lesson in lessons if not lesson.is_waiting], enrolment
        )
        if enrolment
        else None,
        "missing_prerequisites": missing,
        "first_lesson": lessons[0] if lessons else None,
        "outcomes": course.learning_outcomes.all(),
    }


def admit_learner(lesson, request):
    """Let in whoever :mod:`lms.access` admits, recording a learner's visit; else a redirect.

    Anonymous visitors are sent to sign in; signed-in learners who are not
    enrolled, or whose module waits for others, go back to the course page;
    a lesson whose module or course is not published is not found. Editors of
    the page read it as a preview, without anything being recorded. The
    learner's records are left on the request for :func:`lesson_context`, so
    they are read only once: the enrolment and this lesson's own record,
    nothing of the other lessons.
    """
    course = lesson.course
    if course is None:
        raise Http404
    decision, enrolment = access.visit_lesson(request.user, lesson.lesson_uuid, page=lesson)
    if decision.reason == access.Refusal.ANONYMOUS:
        return redirect_to_login(request.get_full_path())
    if decision.reason == access.Refusal.UNAVAILABLE:
        raise Http404
    if decision.reason == access.Refusal.LOCKED:
        messages.info(request, decision.message)
        return redirect(course.get_url(request))
    if not decision:
        messages.info(request, _("Enrol in this course to start its lessons."))
        return redirect(course.get_url(request))
    summaries = {}
    if enrolment is not None and enrolment.lesson_record is not None:
        summaries = {lesson.lesson_uuid: enrolment.lesson_record}
    request.lesson_records = (enrolment, summaries)
    return None


def lesson_context(lesson, request):
    """Course progress, outline position and neighbours of a lesson (also used in previews).

    Only the lesson's own place in the outline is read (cached per lesson), not
    the whole outline: a lesson of a 100-lesson course costs what one of a
    five-lesson course does.
    """
    course = lesson.course
    enrolment, summaries = getattr(request, "lesson_records", (None, {}))
    place = lesson_position(course, lesson, request) if course else None
    summary = summaries.get(lesson.lesson_uuid)
    return {
        "course": course,
        "enrolment": enrolment,
        "summary": summary,
        "lesson_state": _state_of(summary),
        "previous_lesson": place.previous if place else None,
        "next_lesson": place.next if place else None,
        "lesson_number": place.number if place else 1,
        "lesson_count": place.count if place else 0,
    }
