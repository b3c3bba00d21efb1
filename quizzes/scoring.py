"""Server-side scoring of every question kind.

``grade(question, answer, served)`` returns a :class:`Grade` with the share
correct (0-1, partial credit where the kind allows it) and the answer as
readable text for records and reports. ``served`` is what the learner saw
for this question (option ids in display order), stored with the attempt.

Answers come from a form and are untrusted: anything malformed scores 0.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import Question


@dataclass(frozen=True)
class Grade:
    correct: float
    answer_text: str


def _ids(values):
    result = []
    for value in values if isinstance(values, list | tuple) else [values]:
        try:
            result.append(int(value))
        except (TypeError, ValueError):
            continue
    return result


def _normalise(text, case_sensitive):
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    return text if case_sensitive else text.casefold()


def grade(question, answer, served):
    options = {option.pk: option for option in question.options.all()}
    kind = question.kind
    if kind == Question.Kind.SINGLE:
        chosen = _ids(answer)[:1]
        option = options.get(chosen[0]) if chosen else None
        return Grade(1.0 if option and option.is_correct else 0.0, option.text if option else "")

    if kind == Question.Kind.MULTIPLE:
        chosen = {pk for pk in _ids(answer) if pk in options}
        right = {pk for pk, option in options.items() if option.is_correct}
        hits = len(chosen & right)
        misses = len(chosen - right)
        share = max(0.0, (hits - misses) / len(right)) if right else 0.0
        text = "; ".join(options[pk].text for pk in served.get("options", []) if pk in chosen)
        return Grade(share, text)

    if kind == Question.Kind.TRUE_FALSE:
        value = str(answer).lower() if answer is not None else ""
        if value not in ("true", "false"):
            return Grade(0.0, "")
        said_true = value == "true"
        return Grade(
            1.0 if said_true == question.true_is_correct else 0.0,
            _("True") if said_true else _("False"),
        )

    if kind == Question.Kind.MATCHING:
        # answer: {left option id: right option id (whose ``match`` was chosen)}
        pairs = answer if isinstance(answer, dict) else {}
        correct = 0
        texts = []
        for pk, option in options.items():
            chosen = _ids(pairs.get(str(pk), pairs.get(pk)))
            chosen_option = options.get(chosen[0]) if chosen else None
            if chosen_option is not None:
                texts.append(f"{option.text} → {chosen_option.match}")
                if chosen_option.match == option.match:
                    correct += 1
        return Grade(correct / len(options) if options else 0.0, "; ".join(texts))

    if kind == Question.Kind.ORDERING:
        given = [pk for pk in _ids(answer) if pk in options]
        expected = [option.pk for option in question.options.all()]
        if sorted(given) != sorted(expected):
            return Grade(0.0, "; ".join(options[pk].text for pk in given))
        in_place = sum(1 for a, b in zip(given, expected, strict=True) if a == b)
        return Grade(in_place / len(expected), " → ".join(options[pk].text for pk in given))

    if kind == Question.Kind.SHORT_TEXT:
        text = str(answer or "")[:255]
        given = _normalise(text, question.case_sensitive)
        accepted = {_normalise(option.text, question.case_sensitive) for option in options.values()}
        return Grade(1.0 if given and given in accepted else 0.0, text.strip())

    if kind == Question.Kind.NUMERIC:
        text = str(answer or "").strip()[:64]
        try:
            value = Decimal(text.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            return Grade(0.0, text)
        if not value.is_finite() or question.numeric_answer is None:
            return Grade(0.0, text)
        close = abs(value - question.numeric_answer) <= question.numeric_tolerance
        return Grade(1.0 if close else 0.0, text)

    return Grade(0.0, "")


def graded_answer(item, answer):
    """One answer of an attempt, graded, as :func:`lms.services.submit_attempt` takes it.

    ``item`` is a question as :func:`quizzes.serving.load_questions` gives it.
    """
    question = item["question"]
    result = grade(question, answer, item["served"])
    return {
        "position": item["position"],
        "question_ref": question.pk,
        "answer": answer,
        "answer_text": result.answer_text,
        "correct": result.correct,
        "points": result.correct * question.points,
        "max_points": question.points,
    }


def right_answer_text(question):
    """The right answer of ``question`` as readable text, for the review of an attempt."""
    options = list(question.options.all())
    kind = question.kind
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        return "; ".join(option.text for option in options if option.is_correct)
    if kind == Question.Kind.TRUE_FALSE:
        return _("True") if question.true_is_correct else _("False")
    if kind == Question.Kind.MATCHING:
        return "; ".join(f"{option.text} → {option.match}" for option in options)
    if kind == Question.Kind.ORDERING:
        return " → ".join(option.text for option in options)
    if kind == Question.Kind.SHORT_TEXT:
        return " / ".join(option.text for option in options)
    if kind == Question.Kind.NUMERIC and question.numeric_answer is not None:
        answer = question.numeric_answer.normalize()
        tolerance = question.numeric_tolerance.normalize()
        return f"{answer:f} ± {tolerance:f}" if tolerance else f"{answer:f}"
    return ""
