"""Writing the statement log (:class:`lms.models.Statement`): one way in for every source.

Statements a client sends (the H5P player, an xAPI client) are stored as
received with :func:`prepare` and :func:`fresh`; events the platform itself
records (a quiz attempt, a SCO's commit, a trainer's decision) are written
as statements by :func:`log`. Either way a statement is stored once: its id
sent again with the same content is recognised and changes nothing, with
other content (or by another learner) it is a :class:`StatementConflict`.

Storing a statement decides nothing; the source then reports the event to
:func:`lms.services.record_learning`, once.

Usage::

    rows = statements.prepare(learner, received, source=Source.H5P, item=item)
    new = statements.fresh(rows)          # raises StatementConflict
    statements.save(new)
"""

import datetime
import hashlib
import json
import uuid

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from .agents import LEARNER_ADDRESS
from .conf import lms_settings
from .models import Statement

ADL = "http://adlnet.gov/expapi/verbs/"
# Ids the platform derives for statements it writes, and for player ids that are no UUID.
NAMESPACE = uuid.UUID("5b0d3c59-3a43-4c1e-9d8e-0b6f1e6a7c21")
MAX_IRI = 512


class StatementConflict(Exception):
    """A statement id is already stored with other content, or for another learner."""


def digest(statement):
    """SHA-256 of the statement's canonical JSON."""
    canonical = json.dumps(
        statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    # The parsers refuse unpaired surrogates (lms.safejson); should one get here, it
    # is hashed as its code units rather than failing.
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def statement_uuid(value, learner_id):
    """The statement's id as a UUID; a player's id that is not one gets a stable UUID of its own."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return uuid.uuid5(NAMESPACE, f"{learner_id}:{value}")


def iri_base():
    base = lms_settings.ACTIVITY_IRI_BASE or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return (base or "https://lms.invalid").rstrip("/")


def lesson_iri(lesson_uuid):
    return f"{iri_base()}/lessons/{lesson_uuid}"


def course_iri(course_id):
    return f"{iri_base()}/courses/{course_id}"


def actor(person):
    """A person as the platform names them in statements: no real email leaves the site."""
    return {"objectType": "Agent", "mbox": LEARNER_ADDRESS.format(pk=person.pk)}


def _utc(value):
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except (ValueError, OverflowError):
        return None
    if parsed is None or parsed.tzinfo is None:
        return None
    return parsed.astimezone(datetime.UTC)


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def read_result(statement):
    """Scaled score, success, completion, top-level-ness and registration of a statement.

    A score without ``scaled`` is scaled from ``raw`` and ``max``; every score
    is clamped to 0-1. A statement with ``context.contextActivities.parent``
    (a container's child question) is not top level.
    """
    result = statement.get("result") if isinstance(statement.get("result"), dict) else {}
    score = result.get("score") if isinstance(result.get("score"), dict) else {}
    scaled = score.get("scaled")
    if not _number(scaled):
        scaled = None
        if _number(score.get("raw")) and _number(score.get("max")) and score["max"]:
            scaled = score["raw"] / score["max"]
    if scaled is not None:
        scaled = min(1.0, max(0.0, float(scaled)))
    context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
    activities = context.get("contextActivities")
    parent = activities.get("parent") if isinstance(activities, dict) else None
    success, completion = result.get("success"), result.get("completion")
    return {
        "score": scaled,
        "success": success if isinstance(success, bool) else None,
        "completion": completion if isinstance(completion, bool) else None,
        "is_top_level": not parent,
        "registration": _uuid_or_none(context.get("registration")),
    }


def _number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def has_result(row):
    return row.score is not None or row.success is not None or row.completion is not None


def prepare(learner, statements, *, source, item=None, items=None, now=None):
    """Unsaved :class:`Statement` rows for ``statements`` (dicts, already checked by the source).

    Each gets its id (a missing one is made; one that is no UUID is turned
    into one, the same every time) and ``stored``, and ``timestamp`` when it
    has none. The digest is taken before the timestamp is added, so the
    same statement sent again without one is recognised. ``item`` is the
    lesson they are all about; ``items`` maps a statement's index to its
    lesson instead.
    """
    now = now or timezone.now()
    rows = []
    for index, received in enumerate(statements):
        statement = dict(received)
        key = statement_uuid(statement.get("id") or uuid.uuid4(), learner.pk)
        statement["id"] = str(key)
        # The content as sent is what a resend must match: what the log adds (a
        # timestamp the sender left out) is not part of it, as xAPI asks.
        sent_digest = digest(statement)
        statement.setdefault("timestamp", now.isoformat())
        verb = statement.get("verb") if isinstance(statement.get("verb"), dict) else {}
        target = statement.get("object") if isinstance(statement.get("object"), dict) else {}
        object_id = target.get("id") if isinstance(target.get("id"), str) else ""
        lesson = items.get(index) if items is not None else item
        rows.append(
            Statement(
                id=key,
                learner=learner,
                source=source,
                verb=str(verb.get("id", ""))[:MAX_IRI],
                object_id=object_id[:MAX_IRI],
                item=lesson,
                raw=statement,
                digest=sent_digest,
                timestamp=_utc(statement["timestamp"]) or now,
                stored=now,
                **read_result(statement),
            )
        )
    return rows


def fresh(rows):
    """The rows not stored yet (one query); raises :class:`StatementConflict` for a clash.

    An id stored before with the same content and learner is a resend and is
    left out; with other content, or another learner's, it is a conflict, as
    is one id twice in ``rows`` with different content.
    """
    batch = {}
    for row in rows:
        seen = batch.get(row.pk)
        if seen is not None and seen.digest != row.digest:
            raise StatementConflict(
                _("Statement %(id)s is sent twice with different content.") % {"id": row.pk}
            )
        batch[row.pk] = row
    stored = {
        key: (known_digest, learner_id)
        for key, known_digest, learner_id in Statement.objects.filter(
            pk__in=list(batch)
        ).values_list("pk", "digest", "learner_id")
    }
    new = []
    for key, row in batch.items():
        if key not in stored:
            new.append(row)
        elif stored[key] != (row.digest, row.learner_id):
            raise StatementConflict(
                _("Statement %(id)s is already stored with other content.") % {"id": key}
            )
    return new


def save(rows):
    """Store new rows (from :func:`fresh`), in one INSERT."""
    Statement.objects.bulk_create(rows)
    return rows


def log(
    learner,
    *,
    source,
    verb,
    object_id,
    item=None,
    attempt=None,
    result=None,
    name=None,
    context=None,
    statement_id=None,
    timestamp=None,
):
    """Write an event the platform records itself as a statement; return the row.

    ``verb`` is an IRI or the name of an ADL verb ("passed"); ``result`` an
    xAPI result object. ``statement_id`` (a UUID) makes the write idempotent:
    the same event logged again is not stored twice.
    """
    now = timezone.now()
    verb_iri = verb if "://" in verb else ADL + verb
    statement = {
        "id": str(statement_id or uuid.uuid4()),
        "actor": actor(learner),
        "verb": {"id": verb_iri, "display": {"en-US": verb_iri.rsplit("/", 1)[-1]}},
        "object": {"objectType": "Activity", "id": object_id},
        "timestamp": (timestamp or now).isoformat(),
    }
    if name:
        statement["object"]["definition"] = {"name": {"und": str(name)}}
    if result:
        statement["result"] = result
    if context:
        statement["context"] = context
    (row,) = prepare(learner, [statement], source=source, item=item, now=now)
    row.attempt = attempt
    new = fresh([row])
    save(new)
    return row


def logged_id(*parts):
    """A stable statement id for an event named by ``parts`` (logging it twice stores it once)."""
    return uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts))
