"""A course whose last lesson is a quiz with one question of every kind."""

from decimal import Decimal

import pytest

from courses.factories import LessonPageFactory, ModulePageFactory
from lms.models import CompletionRule
from quizzes.factories import QuestionCategoryFactory, QuestionFactory
from quizzes.models import Question


@pytest.fixture
def questions(db):
    category = QuestionCategoryFactory(name="Inclusion basics")
    return {
        "single": QuestionFactory(
            category=category,
            kind=Question.Kind.SINGLE,
            prompt="Which article?",
            options=[("Article 9", False), ("Article 24", True), ("Article 30", False)],
            feedback_correct="SECRET-FEEDBACK-RIGHT",
            feedback_incorrect="SECRET-FEEDBACK-WRONG",
        ),
        "multiple": QuestionFactory(
            category=category,
            kind=Question.Kind.MULTIPLE,
            prompt="UDL principles?",
            options=[("Engagement", True), ("Representation", True), ("Uniformity", False)],
        ),
        "true_false": QuestionFactory(
            category=category, kind=Question.Kind.TRUE_FALSE, prompt="Side by side?"
        ),
        "matching": QuestionFactory(
            category=category,
            kind=Question.Kind.MATCHING,
            prompt="Match the IEP parts.",
            options=[("Goals", "What comes next"), ("Review", "When to check"), ("Levels", "Now")],
        ),
        "ordering": QuestionFactory(
            category=category,
            kind=Question.Kind.ORDERING,
            prompt="Order the cycle.",
            options=["Assess", "Plan", "Teach", "Review"],
        ),
        "short_text": QuestionFactory(
            category=category,
            kind=Question.Kind.SHORT_TEXT,
            prompt="How many centres?",
            options=["nine", "9"],
        ),
        "numeric": QuestionFactory(
            category=category,
            kind=Question.Kind.NUMERIC,
            prompt="Year of ratification?",
            numeric_answer=Decimal("2008"),
            numeric_tolerance=Decimal("0"),
        ),
    }


def quiz_value(questions, **settings):
    return {
        "title": "Final quiz",
        "intro": "",
        "questions": [question.pk for question in questions],
        "category": None,
        "random_count": 0,
        "pass_mark": 70,
        "attempts_allowed": 0,
        "time_limit_minutes": 0,
        "shuffle_questions": False,
        "shuffle_options": True,
        "review_while_open": ["correctness", "feedback"],
        "review_when_closed": ["correctness", "feedback", "right_answer"],
        **settings,
    }


@pytest.fixture
def make_quiz_lesson(course):
    def make(question_list, rule=CompletionRule.ON_PASS, min_score_percent=None, **settings):
        module = ModulePageFactory(parent=course, title="Assessment")
        return LessonPageFactory(
            parent=module,
            title="Check your understanding",
            completion_rule=rule,
            min_score_percent=min_score_percent,
            body=[{"type": "quiz", "value": quiz_value(question_list, **settings)}],
        )

    return make


@pytest.fixture
def quiz_lesson(make_quiz_lesson, questions):
    return make_quiz_lesson(list(questions.values()))
