"""A quiz lesson cannot be marked complete by a learner, a right answer does not leak
before the quiz closes, and the certificate a quiz earns opens for its learner only."""

import pytest
from django.urls import reverse

from lms.models import CompletionRule, Enrolment, LessonProgress
from tests.quizzes.test_taking_a_quiz import complete_other_lessons, right_answers, start, submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rule", [CompletionRule.ON_MARK, CompletionRule.ON_SCORE])
def test_mark_complete_posted_by_hand_does_not_complete_a_quiz_lesson(
    learner_client, learner, enrolled, make_quiz_lesson, questions, rule
):
    lesson = make_quiz_lesson([questions["single"]], rule=rule, min_score_percent=50)
    for _twice in range(2):
        learner_client.post(reverse("courses:mark_complete", args=[lesson.lesson_uuid]))
    progress = LessonProgress.objects.filter(learner=learner, item_id=lesson.lesson_uuid).first()
    assert progress is None or progress.completed_at is None


def test_right_answers_stay_hidden_whatever_attempt_is_asked_for_while_the_quiz_is_open(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson([questions["single"]], attempts_allowed=3)
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, {"q1": "not-a-number"})
    for suffix in ("", "?review=closed", "?show_answers=1"):
        url = reverse("quizzes:result", args=[attempt.pk]) + suffix
        assert "Article 24" not in learner_client.get(url).content.decode()


@pytest.fixture
def earned_certificate(
    learner_client, learner, enrolled, course, make_quiz_lesson, questions,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    lesson = make_quiz_lesson([questions["single"]])
    course.final_assessment = lesson
    course.save_revision().publish()
    complete_other_lessons(learner, course, lesson)
    _response, attempt = start(learner_client, lesson)
    with django_capture_on_commit_callbacks(execute=True):
        submit(learner_client, attempt, right_answers(attempt))
    return Enrolment.objects.get(pk=enrolled.pk).certificate, attempt


def test_another_learner_cannot_open_the_certificate_the_result_links_to(
    client, other_learner, earned_certificate
):
    certificate, attempt = earned_certificate
    client.force_login(other_learner)
    assert client.get(certificate.get_pdf_url()).status_code == 404
    assert client.get(reverse("quizzes:result", args=[attempt.pk])).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_for_the_certificate(client, earned_certificate):
    certificate, _attempt = earned_certificate
    client.logout()
    response = client.get(certificate.get_pdf_url())
    assert response.status_code == 302 and "/accounts/login/" in response.url
