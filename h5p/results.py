"""From the H5P player's xAPI statements to attempts and lesson progress.

:func:`record_statements` is the H5P source: it stores what the player sent
in the one statement log (:mod:`lms.statements`, idempotent by statement id),
makes an :class:`lms.models.Attempt` of each top-level result, judged by the
block's rule, and reports each attempt to ``lms.services.record_learning``
once. Child statements of a container (they carry
``context.contextActivities.parent``) are stored but decide nothing.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from lms import services, statements
from lms.agents import names_learner
from lms.attempts import add_attempt, summaries
from lms.models import Source, Verb, h5p_activity

from .rules import rule_met, rule_text

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


def _activity_id(rule):
    activity = rule["activity"]
    return getattr(activity, "pk", activity)


def outcomes(learner, lesson_uuid, rules):
    """``{activity id: Outcome}`` for the blocks' activities, from one aggregate query."""
    keys = {h5p_activity(_activity_id(rule)): _activity_id(rule) for rule in rules}
    return {
        keys[activity]: Outcome(
            best_score=summary.best_score, met=summary.counted, attempts=summary.attempts
        )
        for activity, summary in summaries(learner, lesson_uuid, keys).items()
    }


def block_outcome(learner, lesson_uuid, rule):
    """The learner's best result at the block's activity and whether an attempt met its rule."""
    return outcomes(learner, lesson_uuid, [rule])[_activity_id(rule)]


class ForeignActor(ValueError):
    """A statement's actor is someone other than the learner who sent it."""


def check(statement):
    """Refuse (``ValueError``) a statement without an id (1-64 characters) or a verb."""
    if not isinstance(statement, dict):
        raise ValueError("not an object")
    statement_id = statement.get("id")
    if not isinstance(statement_id, str) or not 1 <= len(statement_id) <= 64:
        raise ValueError("bad id")
    verb = (
        (statement.get("verb") or {}).get("id") if isinstance(statement.get("verb"), dict) else None
    )
    if not isinstance(verb, str) or not verb:
        raise ValueError("no verb")


def record_statements(learner, lesson, activity, rules, received):
    """Store the player's statements for ``learner`` and record their results.

    Returns the :class:`Outcome` of ``activity`` and the recording service's
    last :class:`~lms.services.recording.LearningResult` (None when nothing
    was reported), whose ``summary`` says whether the lesson is complete.

    ``rules`` are the values of every H5P block of the lesson (activity as a
    pk); the one for ``activity`` judges its attempts. Raises ``ValueError``
    for a bad statement, :class:`ForeignActor` for one about someone else,
    :class:`lms.statements.StatementConflict` for an id stored with other
    content (nothing stored in each case), and ``lms.services.NotEnrolled``
    when the learner is not on the course.
    """
    for statement in received:
        check(statement)
        # The player names the learner by their learner address; a statement
        # naming anyone else is refused, never stored under this learner.
        if "actor" in statement and not names_learner(statement["actor"], learner, ""):
            raise ForeignActor(_("A statement's actor must be you."))
    rule = next(r for r in rules if r["activity"] == activity.pk)
    assessed = lesson.completion_rule in ("score", "pass")
    own = h5p_activity(activity.pk)
    keys = {h5p_activity(_activity_id(rule)): _activity_id(rule) for rule in rules}
    with transaction.atomic():
        rows = statements.prepare(learner, received, source=Source.H5P)
        for row in rows:
            row.item_id = lesson.lesson_uuid
        new = statements.fresh(rows)
        results = [row for row in new if row.is_top_level and statements.has_result(row)]
        # The blocks' results as kept (one row each, however many attempts), then
        # each new attempt added to its activity's.
        kept = summaries(learner, lesson.lesson_uuid, keys)
        # The lesson's item (from the page cache) only when there is a result to record.
        item = services.active_item(lesson.lesson_uuid) if results else None
        for row in results:
            met = rule_met(rule, row.score, row.success, row.completion)
            row.attempt, kept[own] = add_attempt(
                learner,
                item,
                source=Source.H5P,
                activity=own,
                known=kept[own],
                started_at=row.timestamp,
                finished_at=row.stored,
                score=row.score,
                passed=row.success,
                completed=row.completion,
                rule=rule_text(rule),
                counted=met,
            )
        statements.save(new)
        found = {
            keys[key]: Outcome(
                best_score=summary.best_score, met=summary.counted, attempts=summary.attempts
            )
            for key, summary in kept.items()
        }
        reported = None
        for row in results if item and services.trusts(item, Source.H5P) else ():
            reported = _report(learner, item, row, rules, found, assessed) or reported
    return found[activity.pk], reported


def _report(learner, item, row, rules, found, assessed):
    """One attempt's result, in one call to the recording service.

    A lesson scored by its quiz, or completed by its SCORM package alone,
    keeps the attempt (the learner sees their score) but takes no result
    from it (the caller reports only to a lesson that trusts H5P).
    """
    met = row.attempt.counted
    required = [found[_activity_id(rule)].met for rule in rules if rule.get("required")]
    finished = met and not assessed and all(required)
    if row.score is None and not assessed and not finished:
        return None
    if row.score is None and finished:
        verb, kwargs = Verb.MARKED_COMPLETE, {}
    else:
        verb = Verb.SCORED
        kwargs = {
            "score": row.score if row.score is not None else (1.0 if met else 0.0),
            "passed": met,
            "finished": finished,
        }
    activity_id = int(row.attempt.activity.removeprefix("h5p:"))
    return services.record_learning(
        learner,
        item.uuid,
        verb,
        source=Source.H5P,
        item=item,
        extra={"h5p_best": found[activity_id].best_score},
        **kwargs,
    )
