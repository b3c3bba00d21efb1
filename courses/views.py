"""Learner-facing views of the course pages: enrol, mark complete, report progress.

The pages themselves (catalogue, course, lesson) are served by Wagtail; what
they show comes from :mod:`courses.context`.

Every write goes through :func:`lms.services.record_learning` or
:func:`lms.services.enrol`; nothing here touches records directly.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import safejson, services
from lms.models import CompletionRule, Source, Verb

from .context import course_context
from .forms import ProgressForm
from .models import CoursePage, LessonPage


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
