"""Taking a quiz: start an attempt, answer it, see the result.

Only the learner who owns an attempt can see or submit it. Scoring happens
here on the server; the records are written by :mod:`lms.services`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import LessonPage
from lms import access, services
from lms.models import QUIZ, Attempt, Certificate

from . import review, serving
from .scoring import graded_answer, right_answer_text


def _quiz_lesson(lesson_uuid):
    lesson = get_object_or_404(LessonPage.objects.live(), lesson_uuid=lesson_uuid)
    quiz = lesson.quiz_block
    if quiz is None:
        raise Http404
    return lesson, quiz


def _own_attempt(request, attempt_id):
    """The requester's own quiz attempt (an H5P or SCORM attempt is no quiz's: 404)."""
    quiz_attempts = Attempt.objects.filter(activity=QUIZ).select_related("item")
    attempt = get_object_or_404(quiz_attempts, pk=attempt_id)
    if attempt.learner_id != request.user.pk:
        raise Http404  # Another learner's attempt does not exist, as far as this user knows.
    lesson = get_object_or_404(LessonPage.objects.live(), lesson_uuid=attempt.item_id)
    return attempt, lesson


def _completed_message(enrolment):
    """The congratulations, with a link to the certificate the completion issued."""
    text = _("Congratulations! You have completed the course. Your certificate is ready.")
    certificate = Certificate.objects.filter(enrolment=enrolment).first()
    if certificate is None:  # a course may issue none
        return text
    return format_html(
        '{} <a href="{}">{}</a>',
        text,
        certificate.get_pdf_url(),
        _("Download your certificate (PDF)"),
    )


@require_POST
@login_required
def start(request, lesson_uuid):
    lesson, quiz = _quiz_lesson(lesson_uuid)
    settings, content = serving.new_attempt(quiz)
    try:
        attempt = services.start_attempt(
            request.user,
            lesson.lesson_uuid,
            content,
            time_limit_seconds=settings["time_limit_seconds"],
            attempts_allowed=settings["attempts_allowed"],
        )
    except services.UnknownLesson:
        raise Http404 from None
    except (services.NotEnrolled, services.Locked, services.AttemptRefused) as refusal:
        messages.error(request, str(refusal))
        return redirect(lesson.get_url(request))
    return redirect("quizzes:attempt", attempt.pk)


@login_required
def attempt(request, attempt_id):
    attempt, lesson = _own_attempt(request, attempt_id)
    if attempt.is_submitted:
        return redirect("quizzes:result", attempt.pk)
    try:
        # As for the lesson page: the enrolment may have ended, the module been
        # locked or the lesson withdrawn (404) since the attempt began.
        access.require_study(request.user, lesson.lesson_uuid, page=lesson, record=True)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
        return redirect(lesson.get_url(request))
    items = serving.load_questions(attempt.content)
    if request.method == "POST":
        answers = [graded_answer(item, serving.read_answer(request.POST, item)) for item in items]
        try:
            attempt, outcome = services.submit_attempt(
                attempt, answers, pass_mark=attempt.content["settings"]["pass_mark"]
            )
        except services.AttemptRefused:
            return redirect("quizzes:result", attempt.pk)
        except (services.NotEnrolled, services.Locked, services.UnknownLesson) as refusal:
            # The course changed under the learner; nothing of the attempt was saved.
            messages.error(request, " ".join(getattr(refusal, "messages", [str(refusal)])))
            return redirect(lesson.get_url(request))
        if outcome.course_completed_now:
            messages.success(request, _completed_message(outcome.enrolment))
        return redirect("quizzes:result", attempt.pk)
    return TemplateResponse(
        request,
        "quizzes/attempt.html",
        {"attempt": attempt, "lesson": lesson, "items": items, "page": lesson},
    )


@login_required
def result(request, attempt_id):
    attempt, lesson = _own_attempt(request, attempt_id)
    if not attempt.is_submitted:
        return redirect("quizzes:attempt", attempt.pk)
    settings = attempt.content.get("settings", {})
    allowed = settings.get("attempts_allowed", 0)
    quiz_attempts = Attempt.objects.filter(
        learner=request.user, item_id=attempt.item_id, activity=QUIZ
    )
    used = quiz_attempts.filter(finished_at__isnull=False).count()
    out_of_attempts = bool(allowed) and used >= allowed
    passed_once = quiz_attempts.filter(passed=True).exists()
    # The quiz's review options as they are now (a trainer may change them); an
    # attempt whose quiz has gone keeps those it started with.
    options = review.lesson_review_settings(lesson) or settings
    show = review.shown(options, closed=passed_once or out_of_attempts)
    items = serving.load_questions(attempt.content)
    answers = {answer.position: answer for answer in attempt.answers.all()}
    for item in items:
        record = item["record"] = answers.get(item["position"])
        chosen = record.answer if record and isinstance(record.answer, list) else []
        if review.FEEDBACK in show:
            item["option_feedback"] = [
                option.feedback
                for option in item["options"]
                if option.pk in chosen and option.feedback
            ]
        if review.RIGHT_ANSWER in show:
            item["right_answer"] = right_answer_text(item["question"])
    certificate = None
    if attempt.passed:
        certificate = Certificate.objects.filter(
            learner=request.user, enrolment__course_id=lesson.course.pk, revoked_at__isnull=True
        ).first()
    return TemplateResponse(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "lesson": lesson,
            "page": lesson,
            "items": items,
            "show_correctness": review.CORRECTNESS in show,
            "show_feedback": review.FEEDBACK in show,
            "show_right_answers": review.RIGHT_ANSWER in show,
            "right_answers_later": review.RIGHT_ANSWER in review.shown(options, closed=True),
            "can_retry": not attempt.passed and not out_of_attempts,
            "certificate": certificate,
        },
    )
