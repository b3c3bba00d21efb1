"""Taking a quiz: answers stay on the server, attempts and time are limited, passing completes."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lms import services
from lms.models import Attempt, AttemptAnswer, Certificate, Enrolment, LessonProgress, Verb
from quizzes.models import Question

pytestmark = pytest.mark.django_db


def right_answers(attempt):
    """POST data answering every served question correctly."""
    data = {}
    for position, entry in enumerate(attempt.content["questions"], start=1):
        question = Question.objects.get(pk=entry["id"])
        served = entry["options"]
        options = {o.pk: o for o in question.options.all()}
        field = f"q{position}"
        if question.kind == "single":
            data[field] = next(i for i, pk in enumerate(served) if options[pk].is_correct)
        elif question.kind == "multiple":
            data[field] = [i for i, pk in enumerate(served) if options[pk].is_correct]
        elif question.kind == "true_false":
            data[field] = "true" if question.true_is_correct else "false"
        elif question.kind == "matching":
            for i, pk in enumerate(served):
                data[f"{field}_{i}"] = entry["matches"].index(pk)
        elif question.kind == "ordering":
            order = [o.pk for o in question.options.all()]
            for i, pk in enumerate(served):
                data[f"{field}_{i}"] = order.index(pk) + 1
        elif question.kind == "short_text":
            data[field] = question.options.first().text
        elif question.kind == "numeric":
            data[field] = str(question.numeric_answer)
    return data


def start(client, lesson):
    response = client.post(reverse("quizzes:start", args=[lesson.lesson_uuid]))
    attempts = Attempt.objects.filter(item_id=lesson.lesson_uuid, activity="quiz")
    return response, attempts.order_by("-number").first()


def submit(client, attempt, data):
    return client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)


def complete_other_lessons(learner, course, quiz_lesson):
    for lesson in course.get_lessons():
        if lesson.pk != quiz_lesson.pk:
            services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)


def test_an_enrolled_learner_starts_answers_and_passes(
    learner_client, learner, enrolled, quiz_lesson
):
    response, attempt = start(learner_client, quiz_lesson)
    assert response.url == reverse("quizzes:attempt", args=[attempt.pk])
    assert learner_client.get(response.url).status_code == 200
    response = submit(learner_client, attempt, right_answers(attempt))
    assert response.url == reverse("quizzes:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.score == 1 and attempt.passed
    assert AttemptAnswer.objects.filter(attempt=attempt, correct=1).count() == 7
    summary = LessonProgress.objects.get(learner=learner, item_id=quiz_lesson.lesson_uuid)
    assert summary.completed_at is not None and summary.passed_at is not None
    page = learner_client.get(response.url).content.decode()
    assert "SECRET-FEEDBACK-RIGHT" in page


def test_correct_answers_never_reach_the_browser_before_submission(
    learner_client, enrolled, quiz_lesson, questions
):
    lesson_page = learner_client.get(quiz_lesson.url).content.decode()
    _response, attempt = start(learner_client, quiz_lesson)
    form = learner_client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    for html in (lesson_page, form):
        assert "SECRET-FEEDBACK" not in html
        assert "is_correct" not in html and "Well done." not in html
        assert "2008" not in html and "nine" not in html
    # Options are referred to by their place on screen, never by id.
    for position, entry in enumerate(attempt.content["questions"], start=1):
        values = re.findall(rf'name="q{position}" id="q{position}-\d+" value="(\d+)"', form)
        if values:
            assert values == [str(i) for i in range(len(entry["options"]))]
    # the right-hand side of a matching question is shuffled apart from its left side
    matching = next(e for e in attempt.content["questions"] if "matches" in e)
    assert sorted(matching["matches"]) == sorted(matching["options"])


def test_a_wrong_answer_fails_and_the_lesson_stays_open(
    learner_client, learner, enrolled, quiz_lesson
):
    _response, attempt = start(learner_client, quiz_lesson)
    submit(learner_client, attempt, {})
    attempt.refresh_from_db()
    assert attempt.score == 0 and attempt.passed is False
    summary = LessonProgress.objects.get(learner=learner, item_id=quiz_lesson.lesson_uuid)
    assert summary.completed_at is None


def test_a_submitted_attempt_is_never_changed(learner_client, enrolled, quiz_lesson):
    _response, attempt = start(learner_client, quiz_lesson)
    submit(learner_client, attempt, {})
    response = submit(learner_client, attempt, right_answers(attempt))
    assert response.url == reverse("quizzes:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.score == 0
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 7


def test_the_attempt_limit_is_enforced(learner_client, enrolled, make_quiz_lesson, questions):
    lesson = make_quiz_lesson([questions["single"]], attempts_allowed=1)
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, {})
    response, latest = start(learner_client, lesson)
    assert response.url == lesson.url
    assert latest.pk == attempt.pk
    assert Attempt.objects.filter(item_id=lesson.lesson_uuid).count() == 1


def test_answers_after_the_time_limit_do_not_count(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson([questions["single"]], time_limit_minutes=5)
    _response, attempt = start(learner_client, lesson)
    assert attempt.deadline is not None
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=2))
    submit(learner_client, attempt, right_answers(attempt))
    attempt.refresh_from_db()
    assert attempt.score == 0 and attempt.content["late"]


def test_another_learner_cannot_see_or_submit_an_attempt(
    client, learner_client, other_learner, course, enrolled, quiz_lesson
):
    _response, attempt = start(learner_client, quiz_lesson)
    services.enrol(other_learner, course)
    client.force_login(other_learner)
    assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    assert submit(client, attempt, right_answers(attempt)).status_code == 404
    assert client.get(reverse("quizzes:result", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_a_learner_not_enrolled_cannot_start(client, other_learner, quiz_lesson):
    client.force_login(other_learner)
    response, attempt = start(client, quiz_lesson)
    assert attempt is None


def test_anonymous_visitors_cannot_start(client, quiz_lesson):
    response, attempt = start(client, quiz_lesson)
    assert reverse("login") in response.url and attempt is None


def test_attempts_of_other_sources_on_the_lesson_leave_the_quiz_alone(
    learner, learner_client, enrolled, make_quiz_lesson, questions
):
    """An H5P activity's results on the same lesson share the table, not the quiz's count."""
    from lms.attempts import add_attempt
    from lms.models import Source, h5p_activity

    lesson = make_quiz_lesson([questions["single"]], attempts_allowed=1, feedback="final")
    item = services.active_item(lesson.lesson_uuid)
    for _n in range(2):
        add_attempt(learner, item, source=Source.H5P, activity=h5p_activity(7), score=1.0)
    page = learner_client.get(lesson.url).content.decode()
    assert "Start the quiz" in page and "You have used all the attempts allowed." not in page
    _response, attempt = start(learner_client, lesson)
    assert attempt.number == 1 and attempt.source == Source.QUIZ
    submit(learner_client, attempt, {})
    result = learner_client.get(reverse("quizzes:result", args=[attempt.pk]))
    assert "SECRET-FEEDBACK-WRONG" in result.content.decode()  # out of quiz attempts now
    # Another source's attempt is no quiz attempt: the quiz's pages do not open it.
    other, _summary = add_attempt(learner, item, source=Source.H5P, activity=h5p_activity(7))
    assert learner_client.get(reverse("quizzes:result", args=[other.pk])).status_code == 404


def test_feedback_can_wait_until_passed_or_out_of_attempts(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson([questions["single"]], review_while_open=[], attempts_allowed=2)
    _response, first = start(learner_client, lesson)
    submit(learner_client, first, {})
    page = learner_client.get(reverse("quizzes:result", args=[first.pk])).content.decode()
    assert "SECRET-FEEDBACK" not in page
    _response, second = start(learner_client, lesson)
    submit(learner_client, second, {})
    page = learner_client.get(reverse("quizzes:result", args=[second.pk])).content.decode()
    assert "SECRET-FEEDBACK-WRONG" in page


def test_passing_the_final_quiz_completes_the_course_and_issues_a_certificate(
    learner_client, learner, enrolled, course, quiz_lesson, django_capture_on_commit_callbacks
):
    course.final_assessment = quiz_lesson
    course.save_revision().publish()
    complete_other_lessons(learner, course, quiz_lesson)
    assert Enrolment.objects.get(pk=enrolled.pk).completed_at is None
    _response, attempt = start(learner_client, quiz_lesson)
    with django_capture_on_commit_callbacks(execute=True):
        submit(learner_client, attempt, right_answers(attempt))
    enrolment = Enrolment.objects.get(pk=enrolled.pk)
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.course_title == course.title
    assert [message.to for message in mail.outbox] == [[learner.email]]
    assert certificate.code in mail.outbox[0].body


def test_questions_are_served_in_the_learners_language_when_translated(
    learner_client, enrolled, make_quiz_lesson, questions
):
    from wagtail.models import Locale

    azerbaijani, _created = Locale.objects.get_or_create(language_code="az")
    original = questions["single"]
    translated = original.copy_for_translation(azerbaijani)
    translated.prompt = "Hansı maddə?"
    translated.save()
    lesson = make_quiz_lesson([original])
    learner_client.cookies["django_language"] = "az"
    _response, attempt = start(learner_client, lesson)
    assert attempt.content["questions"][0]["id"] == translated.pk
    page = learner_client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert "Hansı maddə?" in page


def test_random_questions_are_drawn_from_the_category(learner_client, enrolled, course, questions):
    from courses.factories import LessonPageFactory, ModulePageFactory
    from lms.models import CompletionRule
    from tests.quizzes.conftest import quiz_value

    category = questions["single"].category
    value = quiz_value([], category=category.pk, random_count=3)
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course),
        completion_rule=CompletionRule.ON_PASS,
        body=[{"type": "quiz", "value": value}],
    )
    _response, attempt = start(learner_client, lesson)
    served = [entry["id"] for entry in attempt.content["questions"]]
    assert len(served) == len(set(served)) == 3
    assert set(served) <= {question.pk for question in questions.values()}


def test_per_option_feedback_shows_with_the_result(
    learner_client, enrolled, make_quiz_lesson, questions
):
    question = questions["single"]
    wrong = question.options.get(text="Article 9")
    wrong.feedback = "Article 9 is about accessibility."
    wrong.save()
    lesson = make_quiz_lesson([question])
    _response, attempt = start(learner_client, lesson)
    position = attempt.content["questions"][0]["options"].index(wrong.pk)
    submit(learner_client, attempt, {"q1": position})
    page = learner_client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "Article 9 is about accessibility." in page


def test_a_quiz_whose_lesson_was_withdrawn_cannot_be_started(learner_client, enrolled, quiz_lesson):
    from lms.models import CourseItem

    CourseItem.objects.filter(uuid=quiz_lesson.lesson_uuid).update(is_active=False)
    response = learner_client.post(reverse("quizzes:start", args=[quiz_lesson.lesson_uuid]))
    assert response.status_code == 404
    assert not Attempt.objects.exists()


def test_an_attempt_whose_module_became_locked_is_refused_and_nothing_is_saved(
    learner_client, enrolled, course, quiz_lesson
):
    from lms.models import ModuleRequirement

    _response, attempt = start(learner_client, quiz_lesson)
    first_module = course.get_modules().first()
    ModuleRequirement.objects.create(
        course=course, module_id=quiz_lesson.get_parent().pk, requires=first_module
    )
    response = submit(learner_client, attempt, right_answers(attempt))
    assert response.url == quiz_lesson.url
    attempt.refresh_from_db()
    assert not attempt.is_submitted and not AttemptAnswer.objects.exists()
