"""Attempts of every source (:class:`lms.models.Attempt`): numbering them and reading results.

Quiz attempts are opened and submitted by :mod:`lms.services`; an H5P
activity's and an xAPI client's results become attempts through
:func:`add_attempt`, which keeps each activity's :class:`~lms.models.AttemptSummary`
(how many, the best score, whether one met its rule, the last number) in the
same transaction. :func:`summaries` reads those rows: one short query, flat
in the learner's history.
"""

from dataclasses import dataclass, replace

from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Max,
    PositiveIntegerField,
    Q,
    Value,
    When,
)
from django.utils import timezone

from .models import Attempt, AttemptSummary


@dataclass(frozen=True)
class Summary:
    """A learner's attempts at one activity: how many, the best score, whether one counted."""

    attempts: int
    best_score: float | None
    counted: bool
    last_number: int = 0

    @property
    def best_percent(self):
        return None if self.best_score is None else round(self.best_score * 100)

    def after(self, number, score, counted, finished=True):
        """The summary once attempt ``number`` with ``score`` is added.

        An unfinished attempt only takes its number: it has no result yet.
        """
        numbered = replace(self, last_number=max(self.last_number, number))
        if not finished:
            return numbered
        best = self.best_score if score is None else max(score, self.best_score or 0.0)
        return replace(
            numbered,
            attempts=self.attempts + 1,
            best_score=best,
            counted=self.counted or bool(counted),
        )


NONE = Summary(attempts=0, best_score=None, counted=False)


def summaries(learner, item_uuid, activities):
    """``{activity: Summary}`` of the learner's finished attempts at each of ``activities``.

    One query on the kept summaries, whatever the number of attempts; an
    activity not tried yet has a summary of no attempts.
    """
    rows = AttemptSummary.objects.filter(
        learner=learner, item_id=item_uuid, activity__in=list(activities)
    ).values_list("activity", "attempts", "best_score", "counted", "last_number")
    found = {
        activity: Summary(attempts=n, best_score=best, counted=counted, last_number=last)
        for activity, n, best, counted, last in rows
    }
    return {activity: found.get(activity, NONE) for activity in activities}


def add_attempt(learner, item, *, source, activity, started_at=None, known=None, **fields):
    """A new finished attempt at ``activity`` of lesson ``item``, numbered after the last.

    ``fields`` are the attempt's results (``score``, ``passed``,
    ``completed``, ``rule``, ``counted``, ``state``…). ``known`` is the
    activity's :class:`Summary` when the caller has just read it
    (:func:`summaries`), saving the read here. Safe when two requests add one
    at once: the later takes the next number. Returns ``(attempt, summary)``,
    the summary as it stands after the attempt.
    """
    now = timezone.now()
    fields.setdefault("finished_at", now)
    summary = known if known is not None else summaries(learner, item.uuid, [activity])[activity]
    for _retry in range(5):
        try:
            with transaction.atomic():
                attempt = Attempt.objects.create(
                    learner=learner,
                    item=item,
                    source=source,
                    activity=activity,
                    number=summary.last_number + 1,
                    started_at=started_at or now,
                    **fields,
                )
        except IntegrityError:
            # Another request numbered one meanwhile (or an attempt predates its summary).
            summary = _recount(learner, item, activity)
            continue
        finished = attempt.finished_at is not None
        summary = summary.after(attempt.number, attempt.score, attempt.counted, finished)
        _keep(learner, item, activity, attempt)
        return attempt, summary
    raise IntegrityError("Could not number the attempt.")


def _keep(learner, item, activity, attempt):
    """Add ``attempt`` to its summary row in the database (relative to what is stored)."""
    finished = attempt.finished_at is not None
    changes = {
        "attempts": F("attempts") + (1 if finished else 0),
        "last_number": Case(
            When(last_number__lt=attempt.number, then=Value(attempt.number)),
            default=F("last_number"),
            output_field=PositiveIntegerField(),
        ),
        "updated_at": timezone.now(),
    }
    if finished and attempt.score is not None:
        changes["best_score"] = Case(
            When(
                Q(best_score__isnull=True) | Q(best_score__lt=attempt.score),
                then=Value(attempt.score),
            ),
            default=F("best_score"),
            output_field=FloatField(),
        )
    if finished and attempt.counted:
        changes["counted"] = Value(True)
    rows = AttemptSummary.objects.filter(learner=learner, item=item, activity=activity)
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            AttemptSummary.objects.create(
                learner=learner,
                item=item,
                activity=activity,
                attempts=1 if finished else 0,
                last_number=attempt.number,
                best_score=attempt.score if finished else None,
                counted=finished and bool(attempt.counted),
            )
    except IntegrityError:  # a concurrent first attempt made the row: add to it
        rows.update(**changes)


def _recounted():
    """A summary's values as aggregates over its attempts (what the migration filled in)."""
    finished = Q(finished_at__isnull=False)
    return {
        "attempts": Count("pk", filter=finished),
        "last_number": Max("number"),
        "best_score": Max("score", filter=finished),
        "met": Count("pk", filter=finished & Q(counted=True)),
    }


def _recount(learner, item, activity):
    """The activity's summary counted again from its attempts, and stored."""
    attempts = Attempt.objects.filter(learner=learner, item=item, activity=activity)
    counts = attempts.aggregate(**_recounted())
    values = {
        "attempts": counts["attempts"],
        "last_number": counts["last_number"] or 0,
        "best_score": counts["best_score"],
        "counted": bool(counts["met"]),
    }
    AttemptSummary.objects.update_or_create(
        learner=learner, item=item, activity=activity, defaults=values
    )
    return Summary(
        attempts=values["attempts"],
        best_score=values["best_score"],
        counted=values["counted"],
        last_number=values["last_number"],
    )


def recount_all(fix=False):
    """Every kept summary of H5P and xAPI activities compared with a recount of their
    attempts; ``(checked, wrong)``.

    ``wrong`` lists ``(learner id, lesson uuid, activity, kept, recounted)``;
    with ``fix`` each wrong or missing summary is stored again.
    """
    groups = (
        Attempt.objects.filter(SUMMARISED)
        .values("learner_id", "item_id", "activity")
        .annotate(**_recounted())
        .order_by()
    )
    kept = {
        (row.learner_id, row.item_id, row.activity): (
            row.attempts,
            row.last_number,
            row.best_score,
            row.counted,
        )
        for row in AttemptSummary.objects.filter(SUMMARISED)
    }
    wrong = []
    checked = 0
    for group in groups.iterator(chunk_size=2000):
        checked += 1
        key = (group["learner_id"], group["item_id"], group["activity"])
        counted = (group["attempts"], group["last_number"], group["best_score"], bool(group["met"]))
        if kept.pop(key, None) != counted:
            wrong.append((*key, None, counted))
    wrong += [(*key, values, None) for key, values in kept.items()]
    if fix:
        for learner_id, item_id, activity, _kept, counted in wrong:
            rows = AttemptSummary.objects.filter(
                learner_id=learner_id, item_id=item_id, activity=activity
            )
            if counted is None:
                rows.delete()
                continue
            attempts, last_number, best_score, met = counted
            rows.update_or_create(
                learner_id=learner_id,
                item_id=item_id,
                activity=activity,
                defaults={
                    "attempts": attempts,
                    "last_number": last_number,
                    "best_score": best_score,
                    "counted": met,
                },
            )
    return checked, wrong


# The activities only add_attempt adds attempts at, H5P activities' and xAPI clients'
# (quizzes and SCORM packages number their own): what recount_all checks.
SUMMARISED = Q(activity__startswith="h5p:") | Q(activity="xapi")
