"""Attempts of every source (:class:`lms.models.Attempt`): numbering them and reading results.

Quiz attempts are opened and submitted by :mod:`lms.services`; an H5P
activity's, a SCO's and an xAPI client's results become attempts through
:func:`add_attempt`. Best and latest results and attempt counts are read with
one aggregate whatever the source (:func:`summaries`).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from .models import Attempt


def add_attempt(learner, item, *, source, activity, started_at=None, **fields):
    """A new finished attempt at ``activity`` of lesson ``item``, numbered after the last.

    ``fields`` are the attempt's results (``score``, ``passed``,
    ``completed``, ``rule``, ``counted``, ``state``…). Safe when two requests
    add one at once: the later takes the next number.
    """
    now = timezone.now()
    fields.setdefault("finished_at", now)
    for _retry in range(5):
        last = Attempt.objects.filter(learner=learner, item=item, activity=activity).aggregate(
            n=Max("number")
        )["n"]
        try:
            with transaction.atomic():
                return Attempt.objects.create(
                    learner=learner,
                    item=item,
                    source=source,
                    activity=activity,
                    number=(last or 0) + 1,
                    started_at=started_at or now,
                    **fields,
                )
        except IntegrityError:
            continue
    raise IntegrityError("Could not number the attempt.")


@dataclass(frozen=True)
class Summary:
    """A learner's attempts at one activity: how many, the best score, whether one counted."""

    attempts: int
    best_score: float | None
    counted: bool

    @property
    def best_percent(self):
        return None if self.best_score is None else round(self.best_score * 100)


def summaries(learner, item_uuid, activities):
    """``{activity: Summary}`` of the learner's finished attempts at each of ``activities``.

    One aggregate query, grouped by activity, whatever the source; an
    activity not tried yet has a summary of no attempts.
    """
    rows = (
        Attempt.objects.filter(
            learner=learner,
            item_id=item_uuid,
            activity__in=list(activities),
            finished_at__isnull=False,
        )
        .values("activity")
        .annotate(
            attempts=Count("pk"),
            best_score=Max("score"),
            counted=Count("pk", filter=Q(counted=True)),
        )
        .order_by()
    )
    found = {
        row["activity"]: Summary(
            attempts=row["attempts"], best_score=row["best_score"], counted=bool(row["counted"])
        )
        for row in rows
    }
    none = Summary(attempts=0, best_score=None, counted=False)
    return {activity: found.get(activity, none) for activity in activities}
