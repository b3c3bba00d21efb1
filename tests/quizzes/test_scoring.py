"""Scoring of every question kind on the server: right, wrong and partly right."""

import pytest

from quizzes.scoring import grade

pytestmark = pytest.mark.django_db


def ids(question):
    return [option.pk for option in question.options.all()]


def by_text(question, *texts):
    options = {option.text: option.pk for option in question.options.all()}
    return [options[text] for text in texts]


@pytest.mark.parametrize(("answer", "expected"), [("Article 24", 1.0), ("Article 9", 0.0)])
def test_single_choice(questions, answer, expected):
    question = questions["single"]
    assert grade(question, by_text(question, answer), {}).correct == expected


def test_single_choice_ignores_garbage(questions):
    assert grade(questions["single"], ["drop table"], {}).correct == 0


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (["Engagement", "Representation"], 1.0),
        (["Engagement"], 0.5),
        (["Engagement", "Uniformity"], 0.0),
        (["Engagement", "Representation", "Uniformity"], 0.5),
        ([], 0.0),
    ],
)
def test_multiple_choice_gives_partial_credit_and_penalises_wrong_picks(
    questions, answer, expected
):
    question = questions["multiple"]
    result = grade(question, by_text(question, *answer), {"options": ids(question)})
    assert result.correct == pytest.approx(expected)


@pytest.mark.parametrize(("answer", "expected"), [("true", 1.0), ("false", 0.0), ("maybe", 0.0)])
def test_true_false(questions, answer, expected):
    assert grade(questions["true_false"], answer, {}).correct == expected


def test_matching_scores_each_pair(questions):
    question = questions["matching"]
    goals, review, levels = ids(question)
    assert (
        grade(question, {str(goals): goals, str(review): review, str(levels): levels}, {}).correct
        == 1
    )
    partly = grade(question, {str(goals): goals, str(review): levels, str(levels): review}, {})
    assert partly.correct == pytest.approx(1 / 3)
    assert "Goals → What comes next" in partly.answer_text


def test_ordering_scores_items_in_their_place(questions):
    question = questions["ordering"]
    assess, plan, teach, review = ids(question)
    assert grade(question, [assess, plan, teach, review], {}).correct == 1
    assert grade(question, [assess, plan, review, teach], {}).correct == 0.5
    assert grade(question, [assess, plan], {}).correct == 0


@pytest.mark.parametrize(
    ("answer", "expected"), [("nine", 1.0), ("  NINE ", 1.0), ("9", 1.0), ("ten", 0.0), ("", 0.0)]
)
def test_short_text_accepts_any_accepted_answer_ignoring_case_and_spaces(
    questions, answer, expected
):
    assert grade(questions["short_text"], answer, {}).correct == expected


def test_short_text_can_be_case_sensitive(questions):
    question = questions["short_text"]
    question.case_sensitive = True
    assert grade(question, "NINE", {}).correct == 0


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("2008", 1.0),
        ("2008,0", 1.0),
        ("2007", 0.0),
        ("two thousand", 0.0),
        ("NaN", 0.0),
        ("1e400", 0.0),
    ],
)
def test_numeric(questions, answer, expected):
    assert grade(questions["numeric"], answer, {}).correct == expected


def test_numeric_tolerance(questions):
    question = questions["numeric"]
    question.numeric_tolerance = 1
    assert grade(question, "2007", {}).correct == 1
    assert grade(question, "2006", {}).correct == 0
