"""Choosing what a learner is asked, and reading their answers back.

At the start of an attempt the questions (fixed and/or drawn at random) and
the order of every option are fixed and stored with the attempt. The form
refers to options by their position on screen, never by id, so the page
gives nothing away (ids follow the authoring order, which is the right order
of an ordering question).
"""

import random

from django.utils import translation
from wagtail.models import Locale

from .models import Question
from .review import review_settings

OPTION_KINDS = {
    Question.Kind.SINGLE,
    Question.Kind.MULTIPLE,
    Question.Kind.MATCHING,
    Question.Kind.ORDERING,
}


def quiz_settings(quiz):
    return {
        "pass_mark": quiz["pass_mark"] / 100,
        "attempts_allowed": quiz["attempts_allowed"],
        "time_limit_seconds": quiz["time_limit_minutes"] * 60 or None,
        **review_settings(quiz),
    }


def new_attempt(quiz, rng=random):
    """``(settings, content)`` of a new attempt at ``quiz`` (a quiz block of a lesson).

    The content is what :func:`lms.services.start_attempt` stores: the questions
    chosen for this attempt and the order their options are shown in.
    """
    settings = quiz_settings(quiz.value)
    questions = choose_questions(quiz.value, rng)
    content = {
        "block_id": quiz.id,
        "settings": settings,
        "questions": serve(questions, shuffle_options=quiz.value["shuffle_options"], rng=rng),
    }
    return settings, content


def choose_questions(quiz, rng=random):
    """The questions of a new attempt, in the learner's language where translated."""
    fixed = [question for question in quiz["questions"] if question is not None]
    chosen = list(fixed)
    if quiz["category"] is not None and quiz["random_count"]:
        pool = list(
            Question.objects.filter(category=quiz["category"])
            .exclude(pk__in=[q.pk for q in fixed])
            .values_list("pk", flat=True)
        )
        picked = rng.sample(pool, min(len(pool), quiz["random_count"]))
        chosen += list(Question.objects.filter(pk__in=picked))
    if quiz["shuffle_questions"]:
        rng.shuffle(chosen)
    return _translated(chosen)


def _translated(questions):
    try:
        locale = Locale.objects.get(language_code=translation.get_language())
    except Locale.DoesNotExist:
        return questions
    translations = {
        question.translation_key: question
        for question in Question.objects.filter(
            translation_key__in=[q.translation_key for q in questions], locale=locale
        )
    }
    return [translations.get(q.translation_key, q) for q in questions]


def serve(questions, *, shuffle_options, rng=random):
    """The attempt's content: question ids and the on-screen order of their options."""
    served = []
    for question in questions:
        option_ids = [option.pk for option in question.options.all()]
        entry = {"id": question.pk, "options": list(option_ids)}
        if question.kind in OPTION_KINDS:
            if shuffle_options or question.kind == Question.Kind.ORDERING:
                rng.shuffle(entry["options"])
            if question.kind == Question.Kind.MATCHING:
                entry["matches"] = list(option_ids)
                rng.shuffle(entry["matches"])
        served.append(entry)
    return served


def load_questions(content):
    """The attempt's questions with options, in served order (two queries)."""
    ids = [entry["id"] for entry in content["questions"]]
    by_id = Question.objects.prefetch_related("options").in_bulk(ids)
    result = []
    for position, entry in enumerate(content["questions"], start=1):
        question = by_id.get(entry["id"])
        if question is None:
            continue
        options = {option.pk: option for option in question.options.all()}
        result.append(
            {
                "position": position,
                "question": question,
                "served": entry,
                "options": [options[pk] for pk in entry["options"] if pk in options],
                "matches": [options[pk] for pk in entry.get("matches", []) if pk in options],
            }
        )
    return result


def _pick(values, index):
    try:
        return values[int(index)]
    except (TypeError, ValueError, IndexError):
        return None


def read_answer(data, item):
    """Turn the form's positional fields for one question into an id-based answer."""
    question, served = item["question"], item["served"]
    field = f"q{item['position']}"
    options = served["options"]
    kind = question.kind
    if kind == Question.Kind.SINGLE:
        picked = _pick(options, data.get(field))
        return [picked] if picked is not None else []
    if kind == Question.Kind.MULTIPLE:
        return [pk for pk in (_pick(options, v) for v in data.getlist(field)) if pk is not None]
    if kind == Question.Kind.MATCHING:
        return {
            str(left): _pick(served["matches"], data.get(f"{field}_{index}"))
            for index, left in enumerate(options)
        }
    if kind == Question.Kind.ORDERING:
        positions = []
        for index, pk in enumerate(options):
            try:
                positions.append((int(data.get(f"{field}_{index}", "")), pk))
            except ValueError:
                return []
        return [pk for _position, pk in sorted(positions)]
    return data.get(field, "")
