"""Quiz lessons: completed by their quiz, never "Mark as complete"; what each attempt's
review shows (Moodle's review options); the certificate a passing attempt earns."""

import pytest
from django.urls import reverse

from lms.models import CompletionRule, Enrolment, LessonProgress
from quizzes import review
from quizzes.models import Question
from quizzes.scoring import right_answer_text

from .test_taking_a_quiz import complete_other_lessons, right_answers, start, submit

pytestmark = pytest.mark.django_db

RIGHT_ANSWER = "Right answer: Article 24"


def result_page(client, attempt):
    return client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()


def wrong_answer(attempt):
    """POST data choosing a wrong option of the single-choice question in first place."""
    question = Question.objects.get(pk=attempt.content["questions"][0]["id"])
    served = attempt.content["questions"][0]["options"]
    wrong = next(i for i, pk in enumerate(served) if not question.options.get(pk=pk).is_correct)
    return {"q1": wrong}


@pytest.mark.parametrize("rule", [CompletionRule.ON_READ, CompletionRule.ON_PASS])
def test_a_quiz_lesson_offers_no_mark_as_complete(
    learner_client, enrolled, make_quiz_lesson, questions, rule
):
    lesson = make_quiz_lesson([questions["single"]], rule=rule)
    page = learner_client.get(lesson.url).content.decode()
    assert "Mark as complete" not in page
    assert lesson.learner_may_mark_complete is False


@pytest.mark.parametrize("rule", [CompletionRule.ON_READ, CompletionRule.ON_PASS])
def test_posting_mark_complete_for_a_quiz_lesson_does_not_complete_it(
    learner_client, learner, enrolled, make_quiz_lesson, questions, rule
):
    lesson = make_quiz_lesson([questions["single"]], rule=rule)
    response = learner_client.post(reverse("courses:mark_complete", args=[lesson.lesson_uuid]))
    assert response.status_code == 302 and response.url == lesson.url
    assert not LessonProgress.objects.filter(
        learner=learner, item_id=lesson.lesson_uuid, completed_at__isnull=False
    ).exists()
    assert Enrolment.objects.get(pk=enrolled.pk).lessons_completed == 0


def test_a_practice_quiz_completes_its_lesson_once_an_attempt_is_submitted(
    learner_client, learner, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson([questions["single"]], rule=CompletionRule.ON_READ)
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, wrong_answer(attempt))
    summary = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert summary.completed_at is not None and summary.passed_at is None


def test_a_failed_first_attempt_with_attempts_left_hides_the_right_answers_by_default(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson([questions["single"]], attempts_allowed=2)
    _response, first = start(learner_client, lesson)
    submit(learner_client, first, wrong_answer(first))
    page = result_page(learner_client, first)
    assert "Wrong" in page and "SECRET-FEEDBACK-WRONG" in page
    assert "Right answer:" not in page and "Article 24" not in page
    assert "The right answers are shown once you pass or have used all your attempts." in page
    # The last attempt closes the quiz: now the right answers show, for both attempts.
    _response, second = start(learner_client, lesson)
    submit(learner_client, second, wrong_answer(second))
    assert RIGHT_ANSWER in result_page(learner_client, second)
    assert RIGHT_ANSWER in result_page(learner_client, first)


def test_passing_shows_the_right_answers_by_default(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson([questions["single"]])
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, right_answers(attempt))
    assert RIGHT_ANSWER in result_page(learner_client, attempt)


def test_a_trainer_may_show_nothing_but_the_score_until_the_quiz_closes(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson(
        [questions["single"]], attempts_allowed=3, review_while_open=[], review_when_closed=[]
    )
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, wrong_answer(attempt))
    page = result_page(learner_client, attempt)
    assert "You scored 0%" in page
    for hidden in ("Wrong", "SECRET-FEEDBACK", "Your answers", "Right answer", "Article 24"):
        assert hidden not in page, hidden


def test_a_trainer_may_show_right_answers_after_each_attempt(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson(
        [questions["single"]], attempts_allowed=3, review_while_open=["right_answer"]
    )
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, wrong_answer(attempt))
    page = result_page(learner_client, attempt)
    assert RIGHT_ANSWER in page
    assert "SECRET-FEEDBACK" not in page and ">Wrong<" not in page


def test_attempts_from_before_review_options_keep_their_feedback_setting():
    assert review.shown({"feedback": "final"}, closed=False) == frozenset()
    assert review.shown({"feedback": "immediate"}, closed=False) == {"correctness", "feedback"}
    assert review.RIGHT_ANSWER in review.shown({"feedback": "final"}, closed=True)


def test_every_kind_of_question_has_a_readable_right_answer(questions):
    expected = {
        "single": "Article 24",
        "multiple": "Engagement; Representation",
        "true_false": "True",
        "matching": "Goals → What comes next; Review → When to check; Levels → Now",
        "ordering": "Assess → Plan → Teach → Review",
        "short_text": "nine / 9",
        "numeric": "2008",
    }
    assert {kind: right_answer_text(q) for kind, q in questions.items()} == expected


def test_the_certificate_is_linked_when_the_quiz_completes_the_course(
    learner_client, learner, enrolled, course, quiz_lesson, django_capture_on_commit_callbacks
):
    course.final_assessment = quiz_lesson
    course.save_revision().publish()
    complete_other_lessons(learner, course, quiz_lesson)
    _response, attempt = start(learner_client, quiz_lesson)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(learner_client, attempt, right_answers(attempt))
    certificate = Enrolment.objects.get(pk=enrolled.pk).certificate
    page = learner_client.get(response.url).content.decode()
    link = f'<a href="{certificate.get_pdf_url()}">Download your certificate (PDF)</a>'
    assert "Your certificate is ready." in page
    assert page.count(link) == 2  # in the congratulations and on the result
    pdf = learner_client.get(certificate.get_pdf_url())
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert certificate.code in pdf["Content-Disposition"]


def test_the_demo_final_quiz_gives_no_right_answer_away_on_a_failed_first_attempt(
    learner_client, enrolled, make_quiz_lesson
):
    from demo.management.commands.seed_demo import Command
    from modules.inclusive_ed.starter import FINAL_QUIZ
    from quizzes.factories import QuestionCategoryFactory

    category = QuestionCategoryFactory()
    demo = [Command().question(category, spec) for spec in FINAL_QUIZ["questions"]]
    settings = {k: v for k, v in FINAL_QUIZ["settings"].items() if k != "title"}
    lesson = make_quiz_lesson(demo, **settings)
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, {})
    page = result_page(learner_client, attempt).casefold()
    assert "wrong" in page
    for answer in ("article 24", "nine", "2008", "right answer:"):
        assert answer not in page, answer


def test_a_quiz_saved_before_review_options_keeps_its_old_setting(
    learner_client, enrolled, make_quiz_lesson, questions
):
    lesson = make_quiz_lesson([questions["single"]], attempts_allowed=3)
    body = lesson.body.raw_data
    value = body[0]["value"]
    del value["review_while_open"], value["review_when_closed"]
    value["feedback"] = "final"
    lesson.body = list(body)
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.body.raw_data[0]["value"]["feedback"] == "final"
    _response, attempt = start(learner_client, lesson)
    submit(learner_client, attempt, wrong_answer(attempt))
    page = result_page(learner_client, attempt)
    assert "SECRET-FEEDBACK" not in page and "Wrong" not in page


def test_trainers_set_review_options_in_the_quiz_block_with_safe_defaults():
    from quizzes.blocks import QuizBlock

    block = QuizBlock()
    default = block.get_default()
    assert list(default["review_while_open"]) == ["correctness", "feedback"]
    assert list(default["review_when_closed"]) == ["correctness", "feedback", "right_answer"]
    form_html = block.child_blocks["review_while_open"].field.widget.render("x", ["feedback"])
    assert 'type="checkbox"' in form_html and "The right answers" in form_html


def test_the_migration_makes_existing_practice_quiz_lessons_trust_their_quiz(
    make_quiz_lesson, questions
):
    import importlib

    from django.apps import apps

    from lms.models import CourseItem

    migration = importlib.import_module(
        "quizzes.migrations.0002_practice_quizzes_complete_their_lessons"
    )
    practice = make_quiz_lesson([questions["single"]], rule=CompletionRule.ON_READ)
    CourseItem.objects.filter(uuid=practice.lesson_uuid).update(trusted_sources=[])
    migration.quiz_completes_its_lesson(apps, None)
    assert CourseItem.objects.get(uuid=practice.lesson_uuid).trusted_sources == ["quiz"]
