"""The SCORM source: a SCO's commits kept in its attempt, turned into statements and progress.

Each learner has one :class:`lms.models.Attempt` per SCO of a package in a
lesson (activity ``scorm:<package>:<sco>``); its ``state`` keeps the CMI
data the SCO commits (read it through :class:`Cmi`). A commit that changes
the SCO's completion, success or score is written to the statement log
(``completed``, ``passed``, ``failed``, ``scored``), and every commit reports
to ``lms.services.record_learning`` once, through :func:`record_lesson`.
"""

import contextlib
import copy
import hashlib
import json
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lms import services, statements
from lms.models import Attempt, Source, Verb, scorm_activity

from .runtime import read_cmi, scaled_score, seconds

# What a SCO's attempt keeps of its CMI data, and the value before the first commit.
CMI_FIELDS = {
    "completion_status": "",
    "success_status": "",
    "score_raw": None,
    "score_min": None,
    "score_max": None,
    "score_scaled": None,
    "location": "",
    "suspend_data": "",
    "session_time": "",
    "total_time": 0.0,  # seconds over all sessions
    "interactions": [],
    "objectives": [],
    # The last commit as received, so a repeated commit is recognised and ignored.
    "cmi": {},
    "commits": 0,
}


class Cmi:
    """A SCO attempt's CMI data, read as attributes (``cmi.location``, ``cmi.score_raw``…)."""

    def __init__(self, attempt):
        self.attempt = attempt

    def __getattr__(self, name):
        if name not in CMI_FIELDS:
            raise AttributeError(name)
        if name in self.attempt.state:
            return self.attempt.state[name]
        return copy.copy(CMI_FIELDS[name])  # never the shared default list or dict

    def refresh_from_db(self):
        self.attempt.refresh_from_db()

    @property
    def done(self):
        return self.completion_status == "completed" or self.success_status == "passed"


def sco_attempts(learner, package, lesson_uuid):
    """``{sco identifier: Cmi}`` of the learner's attempts at the package in the lesson."""
    prefix = scorm_activity(package.pk, "")
    return {
        attempt.activity.removeprefix(prefix): Cmi(attempt)
        for attempt in Attempt.objects.filter(
            learner=learner, item_id=lesson_uuid, activity__startswith=prefix
        )
    }


def _attempt(learner, package, lesson_uuid, sco, *, lock=False, defaults=None):
    rows = Attempt.objects.select_for_update() if lock else Attempt.objects
    key = {
        "learner": learner,
        "item_id": lesson_uuid,
        "activity": scorm_activity(package.pk, sco),
        "number": 1,
    }
    values = {"source": Source.SCORM, "started_at": timezone.now(), "state": defaults or {}}
    try:
        with transaction.atomic():
            return rows.get_or_create(**key, defaults=values)
    except IntegrityError:  # made by a concurrent commit
        return rows.get(**key), False


def _verdict(attempt):
    """Copy the CMI data's results onto the attempt's shared columns."""
    cmi = Cmi(attempt)
    attempt.score = scaled_score(cmi)
    attempt.passed = {"passed": True, "failed": False}.get(cmi.success_status)
    attempt.completed = True if cmi.completion_status == "completed" else None
    attempt.rule = "scorm: completed or passed"
    attempt.counted = cmi.done
    if cmi.done and attempt.finished_at is None:
        attempt.finished_at = timezone.now()


def save_commit(learner, access, sco, data, session):
    """Write one commit to the SCO's attempt; False when it repeats the last one."""
    package, lesson = access.package, access.lesson
    data = {str(key)[:255]: value for key, value in data.items() if isinstance(key, str)}
    digest = hashlib.sha256(
        json.dumps([session, data], sort_keys=True, default=str).encode()
    ).hexdigest()
    with transaction.atomic():
        attempt, _created = _attempt(
            learner, package, lesson.lesson_uuid, sco["identifier"], lock=True
        )
        cmi = Cmi(attempt)
        if cmi.cmi.get("digest") == digest:
            return False
        before = (cmi.completion_status, cmi.success_status, scaled_score(cmi))
        fields = read_cmi(data, package.version)
        same_session = cmi.cmi.get("session") == session and session
        base = cmi.cmi.get("base", 0.0) if same_session else cmi.total_time
        total_before = cmi.total_time
        state = {**copy.deepcopy(CMI_FIELDS), **attempt.state, **fields}
        state["total_time"] = base + seconds(fields["session_time"])
        state["cmi"] = {"session": session, "base": base, "digest": digest, "data": data}
        state["commits"] = cmi.commits + 1
        attempt.state = state
        _verdict(attempt)
        attempt.save()
        _log_change(learner, access, sco, attempt, before)
        record_lesson(
            learner, access, attempt, max(0.0, state["total_time"] - total_before), digest
        )
    return True


def _log_change(learner, access, sco, attempt, before):
    """Write a statement when the commit changed the SCO's completion, success or score."""
    cmi = Cmi(attempt)
    after = (cmi.completion_status, cmi.success_status, attempt.score)
    if after == before:
        return
    if cmi.success_status in ("passed", "failed") and cmi.success_status != before[1]:
        verb = cmi.success_status
    elif cmi.completion_status == "completed" and before[0] != "completed":
        verb = "completed"
    elif attempt.score is not None and attempt.score != before[2]:
        verb = "scored"
    else:
        return
    result = {}
    if attempt.score is not None:
        result["score"] = {"scaled": round(attempt.score, 4)}
    if attempt.passed is not None:
        result["success"] = attempt.passed
    if attempt.completed:
        result["completion"] = True
    lesson_iri = statements.lesson_iri(access.lesson.lesson_uuid)
    statements.log(
        learner,
        source=Source.SCORM,
        verb=verb,
        object_id=f"{lesson_iri}/scorm/{access.package.pk}/{quote(sco['identifier'], safe='')}",
        name=sco.get("title") or access.package.title,
        item=services.active_item(access.lesson.lesson_uuid),
        attempt=attempt,
        result=result,
        statement_id=statements.logged_id("scorm", attempt.pk, attempt.state["commits"]),
    )


def record_asset(learner, access, item):
    """An asset (a part that never talks to the runtime) is done once opened."""
    attempt, created = _attempt(
        learner,
        access.package,
        access.lesson.lesson_uuid,
        item["identifier"],
        defaults={"completion_status": "completed"},
    )
    if created:
        _verdict(attempt)
        attempt.save()
        with contextlib.suppress(services.Locked, ValidationError):
            record_lesson(learner, access, attempt, 0.0, f"asset-{attempt.pk}")


def record_lesson(learner, access, attempt, time_spent, digest):
    """Map the package's state onto the lesson's progress, in one call to lms.services."""
    package, lesson = access.package, access.lesson
    attempts = sco_attempts(learner, package, lesson.lesson_uuid)
    attempts[attempt.activity.removeprefix(scorm_activity(package.pk, ""))] = Cmi(attempt)
    scos = [item for item in package.scos if item.get("sco", True)] or package.scos
    done = [attempts.get(item["identifier"]) for item in scos]
    completed = all(cmi is not None and cmi.done for cmi in done)
    scored = [
        (cmi, item)
        for cmi, item in zip(done, scos, strict=True)
        if cmi is not None and scaled_score(cmi) is not None
    ]
    item = services.active_item(lesson.lesson_uuid)
    if not access.required or not services.trusts(item, Source.SCORM):
        # Kept in the attempt; the lesson completes by its own rule (its quiz, say).
        scored, completed = [], False
    extra = {"scorm": {"package": package.pk, "completed": completed}}
    kwargs = {"time_spent": time_spent, "source": Source.SCORM, "item": item}
    request_id = f"scorm-{digest[:40]}"
    if scored:
        judged = [
            cmi
            for cmi in done
            if cmi is not None and (cmi.success_status or scaled_score(cmi) is not None)
        ]
        services.record_learning(
            learner,
            lesson.lesson_uuid,
            Verb.SCORED,
            score=sum(scaled_score(cmi) for cmi, _item in scored) / len(scored),
            passed=all(passed(cmi, sco) for cmi, sco in scored) and len(scored) == len(judged),
            finished=completed,
            extra=extra,
            request_id=request_id + "-s",
            **kwargs,
        )
    elif completed:
        services.record_learning(
            learner,
            lesson.lesson_uuid,
            Verb.REACHED_END,
            extra=extra,
            request_id=request_id + "-c",
            **kwargs,
        )
    elif time_spent:
        services.record_learning(
            learner,
            lesson.lesson_uuid,
            Verb.PROGRESSED,
            progress_delta=0.0,
            request_id=request_id + "-p",
            **kwargs,
        )


def passed(cmi, item):
    """Whether a SCO's data counts as passed: its success status, else its mastery score."""
    if cmi.success_status in ("passed", "failed"):
        return cmi.success_status == "passed"
    if item.get("mastery") is not None:
        return scaled_score(cmi) >= item["mastery"]
    return cmi.completion_status == "completed"
