"""From xAPI statements to attempts and lesson progress.

:func:`record_statements` stores what the player sent (idempotent per
statement id), keeps one :class:`~h5p.models.H5PAttempt` per top-level result
and, when a block's rule is met, reports to ``lms.services.record_learning``.
Child statements of a container (they carry ``context.contextActivities.parent``)
are stored but decide nothing.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from lms import services
from lms.agents import names_learner
from lms.models import Source, Verb

from .blocks import Completion
from .models import H5PAttempt, H5PStatement

MAX_STATEMENTS = 50


@dataclass
class Outcome:
    best_score: float | None
    met: bool
    attempts: int

    @property
    def best_percent(self):
        return None if self.best_score is None else round(self.best_score * 100)

    def message(self):
        if not self.attempts:
            return ""
        parts = []
        if self.best_percent is not None:
            parts.append(_("Your best score: %(score)d%%.") % {"score": self.best_percent})
        parts.append(_("Done.") if self.met else _("Not done yet."))
        return " ".join(parts)


def _rule_met(rule, attempt):
    if rule["completion"] == Completion.PASSED:
        return bool(attempt.success)
    if rule["completion"] == Completion.SCORE:
        minimum = (rule.get("min_score") or 0) / 100
        return attempt.score is not None and attempt.score >= minimum
    return bool(attempt.completion or attempt.success is not None or attempt.score is not None)


def block_outcome(learner, lesson_uuid, rule):
    """The learner's best result and whether the block's rule is met (from every attempt)."""
    activity = rule["activity"]
    activity_id = getattr(activity, "pk", activity)
    attempts = list(
        H5PAttempt.objects.filter(
            learner=learner, lesson_uuid=lesson_uuid, activity_id=activity_id
        ).only("score", "success", "completion")
    )
    scores = [a.score for a in attempts if a.score is not None]
    return Outcome(
        best_score=max(scores) if scores else None,
        met=any(_rule_met(rule, a) for a in attempts),
        attempts=len(attempts),
    )


class ForeignActor(ValueError):
    """A statement's actor is someone other than the learner who sent it."""


def parse(statement):
    """Verb, scaled score, success, completion and top-level-ness of one statement."""
    if not isinstance(statement, dict):
        raise ValueError("not an object")
    statement_id = statement.get("id")
    if not isinstance(statement_id, str) or not 1 <= len(statement_id) <= 64:
        raise ValueError("bad id")
    verb = (statement.get("verb") or {}).get("id")
    if not isinstance(verb, str) or not verb:
        raise ValueError("no verb")
    result = statement.get("result") or {}
    score = result.get("score") or {}
    scaled = score.get("scaled")
    if scaled is None and score.get("max"):
        try:
            scaled = float(score.get("raw", 0)) / float(score["max"])
        except (TypeError, ValueError, ZeroDivisionError):
            scaled = None
    if scaled is not None:
        scaled = min(1.0, max(0.0, float(scaled)))
    context = statement.get("context") or {}
    parent = (context.get("contextActivities") or {}).get("parent")
    success = result.get("success")
    completion = result.get("completion")
    return {
        "statement_id": statement_id,
        "verb": verb[:255],
        "score": scaled,
        "success": success if isinstance(success, bool) else None,
        "completion": completion if isinstance(completion, bool) else None,
        "is_top_level": not parent,
    }


def record_statements(learner, lesson, activity, rules, statements):
    """Store ``statements`` for ``learner`` and update their progress; return an :class:`Outcome`.

    ``rules`` are the values of every H5P block of the lesson (activity as a pk)
    and the one for ``activity`` decides. Raises ``ValueError`` for a bad
    statement (nothing stored) and ``lms.services.NotEnrolled`` when the learner
    is not on the course.
    """
    parsed = [(parse(statement), statement) for statement in statements]
    for _fields, raw in parsed:
        # The player names the learner by their learner address; a statement
        # naming anyone else is refused, never stored under this learner.
        if "actor" in raw and not names_learner(raw["actor"], learner, ""):
            raise ForeignActor(_("A statement's actor must be you."))
    rule = next(r for r in rules if r["activity"] == activity.pk)
    with transaction.atomic():
        known = set(
            H5PStatement.objects.filter(
                learner=learner, statement_id__in=[p["statement_id"] for p, _raw in parsed]
            ).values_list("statement_id", flat=True)
        )
        new = []
        for fields, raw in parsed:
            if fields["statement_id"] in known:
                continue
            known.add(fields["statement_id"])
            row = H5PStatement(
                learner=learner,
                activity=activity,
                lesson_uuid=lesson.lesson_uuid,
                raw=raw,
                **fields,
            )
            has_result = (
                row.score is not None or row.success is not None or row.completion is not None
            )
            if row.is_top_level and has_result:
                row.attempt = H5PAttempt.objects.create(
                    learner=learner,
                    activity=activity,
                    lesson_uuid=lesson.lesson_uuid,
                    score=row.score,
                    success=row.success,
                    completion=row.completion,
                )
            new.append(row)
        H5PStatement.objects.bulk_create(new)
        for row in new:
            if row.attempt is not None:
                _report(learner, lesson, rule, rules, row)
    return block_outcome(learner, lesson.lesson_uuid, rule)


def _report(learner, lesson, rule, rules, row):
    """Report an attempt's result to the records, when the lesson's rule trusts H5P.

    A lesson scored by its quiz, or completed by its SCORM package alone,
    keeps the attempt (the learner sees their score) but takes no result from it.
    """
    if not services.trusts(services.active_item(lesson.lesson_uuid), Source.H5P):
        return
    met = _rule_met(rule, row.attempt)
    assessed = lesson.completion_rule in ("score", "pass")
    if row.score is not None or assessed:
        services.record_learning(
            learner,
            lesson.lesson_uuid,
            Verb.SCORED,
            score=row.score if row.score is not None else (1.0 if met else 0.0),
            passed=met,
            source=Source.H5P,
            extra={"h5p_best": _best(learner, lesson, rule)},
            request_id=f"h5p:{row.statement_id}",
        )
    if met and not assessed and _all_required_met(learner, lesson, rules):
        services.record_learning(
            learner,
            lesson.lesson_uuid,
            Verb.MARKED_COMPLETE,
            source=Source.H5P,
            request_id=f"h5p-done:{row.statement_id}",
        )


def _best(learner, lesson, rule):
    return H5PAttempt.objects.filter(
        learner=learner, lesson_uuid=lesson.lesson_uuid, activity_id=rule["activity"]
    ).aggregate(best=Max("score"))["best"]


def _all_required_met(learner, lesson, rules):
    return all(
        block_outcome(learner, lesson.lesson_uuid, other).met
        for other in rules
        if other.get("required")
    )
