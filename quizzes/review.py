"""What a learner sees of a submitted attempt: review options after Moodle's.

A quiz names what is shown at two moments: after an attempt while the
learner may still try again (``review_while_open``), and once the quiz is
passed or no attempt remains (``review_when_closed``). Each moment shows any
of: whether each answer is right, the feedback, the right answers. The
score is always shown.

    >>> shown({"review_while_open": ["correctness"], "review_when_closed": []}, closed=False)
    frozenset({'correctness'})
"""

CORRECTNESS = "correctness"
FEEDBACK = "feedback"
RIGHT_ANSWER = "right_answer"

# Until the quiz is passed or closed the right answers stay hidden, as a retry would be moot.
DEFAULT_WHILE_OPEN = (CORRECTNESS, FEEDBACK)
DEFAULT_WHEN_CLOSED = (CORRECTNESS, FEEDBACK, RIGHT_ANSWER)


def review_settings(quiz):
    """The review options of a quiz block's value, as stored with an attempt."""
    return {
        "review_while_open": list(quiz.get("review_while_open") or []),
        "review_when_closed": list(quiz.get("review_when_closed") or []),
    }


def lesson_review_settings(lesson):
    """The review options of the lesson's quiz as saved, or None when it has no quiz.

    Read from the saved block, not its value: a quiz saved before review
    options existed has only ``feedback``, which :func:`shown` honours until
    the quiz is edited again.
    """
    for block in lesson.body.raw_data:
        if block.get("type") == "quiz" and isinstance(block.get("value"), dict):
            return block["value"]
    return None


def shown(settings, *, closed):
    """The set of things to show: ``settings`` a quiz's review options (or an attempt's).

    A quiz (or an attempt) from before review options existed has only
    ``feedback``: "final" showed nothing until the quiz was passed or closed.
    """
    if "review_while_open" not in settings:
        while_open = () if settings.get("feedback") == "final" else DEFAULT_WHILE_OPEN
        settings = {"review_while_open": while_open, "review_when_closed": DEFAULT_WHEN_CLOSED}
    return frozenset(settings["review_when_closed" if closed else "review_while_open"])
