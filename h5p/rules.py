"""The rule of an H5P block (when its activity counts as done), read by the block and by results.

The block (:mod:`h5p.blocks`) offers the choices; :mod:`h5p.results` judges
each result by them and records the rule on the attempt.
"""

from django.utils.translation import gettext_lazy as _


class Completion:
    COMPLETED = "completed"
    PASSED = "passed"
    SCORE = "score"
    CHOICES = [
        (COMPLETED, _("When the learner completes it")),
        (PASSED, _("When the learner passes it")),
        (SCORE, _("When the learner reaches a minimum score")),
    ]


def rule_text(rule):
    """The block's rule as an attempt records it."""
    if rule["completion"] == Completion.PASSED:
        return "h5p: passed"
    if rule["completion"] == Completion.SCORE:
        return f"h5p: score >= {rule.get('min_score') or 0}%"
    return "h5p: completed"


def rule_met(rule, score, success, completion):
    """Whether one result meets the block's rule."""
    if rule["completion"] == Completion.PASSED:
        return bool(success)
    if rule["completion"] == Completion.SCORE:
        minimum = (rule.get("min_score") or 0) / 100
        return score is not None and score >= minimum
    return bool(completion or success is not None or score is not None)
