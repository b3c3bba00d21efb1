"""Learner-facing views of the course pages: catalogue, course, lesson, enrol, complete.

Every write goes through :func:`lms.services.record_learning` or
:func:`lms.services.enrol`; nothing here touches records directly. Query
counts do not grow with the size of a course: a course page or lesson page
loads its lessons in one query and the learner's records in one more.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.images import get_image_model

from lms import access, safejson, services
from lms.models import CompletionRule, Enrolment, LessonProgress, Source, Verb
from ui.search import search

from .forms import CatalogueFilterForm, ProgressForm
from .models import CoursePage, LessonPage
from .outline import DONE, IN_PROGRESS, NOT_STARTED, lesson_position, outline


def catalogue_context(catalogue, request):
    form = CatalogueFilterForm(request.GET or None)
    # A course with no live lesson yet is not offered (it cannot be enrolled in).
    courses = services.open_courses(CoursePage.objects.live().public().child_of(catalogue))
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


@require_POST
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(course.get_url(request))
    try:
        enrolment, created = services.enrol(request.user, course)
    except (services.PrerequisitesNotMet, services.NotOpen) as refusal:
        messages.error(request, str(refusal))
        return redirect(course.get_url(request))
    if created:
        messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    else:
        messages.info(request, _("You are already enrolled in this course."))
    context = course_context(course, request)
    target = context["resume_lesson"] or context["first_lesson"]
    return redirect(target.get_url(request) if target else course.get_url(request))


@require_POST
def mark_complete(request, lesson_uuid):
    """The "Mark as complete" button: works without JavaScript."""
    lesson = get_object_or_404(LessonPage.objects.live(), lesson_uuid=lesson_uuid)
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.get_url(request))
    course = lesson.course
    if not lesson.learner_may_mark_complete:
        # A quiz or another activity completes this lesson; the page offers no button.
        assessed = lesson.completion_rule in (CompletionRule.ON_PASS, CompletionRule.ON_SCORE)
        if assessed:
            messages.info(request, _("This lesson is completed by passing its assessment."))
        else:
            messages.info(request, _("This lesson is completed by finishing its activity."))
        return redirect(lesson.get_url(request))
    try:
        result = services.record_learning(
            request.user, lesson.lesson_uuid, Verb.MARKED_COMPLETE, source=Source.PAGE
        )
    except services.UnknownLesson:
        raise Http404 from None
    except services.NotEnrolled:
        messages.info(request, _("Enrol in this course to start its lessons."))
        return redirect(course.get_url(request))
    except services.Locked as locked:
        messages.info(request, str(locked))
        return redirect(course.get_url(request))
    except services.UntrustedSource as refusal:
        messages.info(request, str(refusal))
        return redirect(lesson.get_url(request))
    if result.course_completed_now:
        messages.success(
            request,
            _("Congratulations! You have completed “%(course)s”.") % {"course": course.title},
        )
        return redirect(course.get_url(request))
    next_lesson = course.get_lessons().filter(path__gt=lesson.path).first()
    if result.lesson_completed_now:
        messages.success(request, _("Lesson complete."))
    return redirect((next_lesson or course).get_url(request))


@require_POST
def report_progress(request, lesson_uuid):
    """Progress reports from the lesson page's script; answers JSON.

    A report may carry an ``Idempotency-Key`` header (or a ``request_id``
    field): sent again with the same key, it is answered but not counted again.
    """
    if not request.user.is_authenticated:
        return JsonResponse({"detail": _("Sign in to record progress.")}, status=403)
    # An unknown, withdrawn or unpublished lesson is refused by record_learning (404).
    if request.content_type == "application/json":
        try:
            payload = safejson.loads(request.body or b"{}")
        except safejson.UnsafeJSON as unsafe:
            return JsonResponse({"detail": str(unsafe)}, status=400)
        if not isinstance(payload, dict):
            return JsonResponse({"detail": _("Send a JSON object.")}, status=400)
    else:
        payload = request.POST
    form = ProgressForm(payload)
    if not form.is_valid():
        return JsonResponse(
            {"detail": _("Invalid progress report."), "errors": form.errors}, status=400
        )
    data = form.cleaned_data
    # A client retrying a report it never saw answered sends the same key again.
    request_id = request.headers.get("Idempotency-Key") or data.get("request_id") or None
    try:
        result = services.record_learning(
            request.user,
            lesson_uuid,
            data["verb"],
            progress=data.get("progress"),
            progress_delta=data.get("progress_delta"),
            time_spent=data.get("time_spent") or 0,
            source=Source.PAGE,
            request_id=request_id,
        )
    except services.UnknownLesson as error:
        return JsonResponse({"detail": " ".join(error.messages)}, status=404)
    except (services.NotEnrolled, services.Locked, services.UntrustedSource) as error:
        return JsonResponse({"detail": str(error)}, status=403)
    except ValidationError as error:
        return JsonResponse({"detail": " ".join(error.messages)}, status=400)
    return JsonResponse(
        {
            "progress": result.summary.progress,
            "completed": result.summary.completed_at is not None,
            "course_progress": result.enrolment.progress,
            "course_completed": result.enrolment.completed_at is not None,
            "duplicate": result.duplicate,
        }
    )
