"""The xAPI statements resource (xAPI 1.0.3, the parts a learning platform needs).

``POST /api/v1/xapi/statements`` takes one statement or a list. ``actor``,
``verb`` and ``object`` are required; ``id`` is assigned when absent. The
whole batch is validated first (field errors name the path, e.g.
``1.result.score.scaled``) and stored in one transaction: the same id sent
again with the same content changes nothing, with different content the
batch is refused with 409.

A statement whose object is an activity whose IRI ends in ``/lessons/<uuid>``
(the lesson's stable UUID, as the course outline gives it) is about that
lesson: the caller must be enrolled in its course (403 otherwise, and nothing
is stored), and the statement updates the lesson's progress through
:func:`lms.services.record_learning` with the statement id as ``request_id``,
so a retried statement never counts twice:

=====================================  =========================================
verb                                   recorded as
=====================================  =========================================
``…/verbs/completed``                  reached the end
``…/verbs/experienced``                viewed
``…/verbs/scored|passed|failed``       scored, with ``result.score.scaled`` (0-1;
                                       passed / failed / ``result.success``)
``…/verbs/progressed``                 progressed, with the ``…/extensions/progress``
                                       result extension (0-100)
=====================================  =========================================

A verb that scores or completes counts only for a lesson whose completion
rule trusts xAPI: one a trainer made an "external activity"
(:func:`lms.services.trusts`). For a lesson scored by its quiz or completed
by its own H5P activity or SCORM package, the statement is stored and its
time counts, but it passes and completes nothing. A reading lesson, which the
learner may mark complete themself, is completed by ``completed``.

The ``actor`` must be the caller (their email or learner address, or their
account on this site); a statement about anyone else is refused with 400.

Statements are kept in the one statement log, ``lms.Statement``, with those
of every other source (the H5P player, SCORM commits, quizzes, trainers).
``GET`` returns the ones the caller may read (their own; a trainer's cohorts'
learners' about the cohorts' courses: :func:`lms.reports.visible_statements`),
newest first, filtered by ``agent``, ``verb``, ``activity``, ``registration``,
``since``, ``until`` (stored time), ``limit`` and ``offset``, as
``{"statements": [...], "more": "<url or empty>"}``; ``statementId`` returns one.
"""

import datetime
import re
import uuid
from urllib.parse import urlencode, urlsplit

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.dateparse import parse_datetime, parse_duration
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from lms import safejson, services, statements
from lms.agents import find_learner, names_learner
from lms.attempts import add_attempt
from lms.models import Source, Verb
from lms.reports import visible_statements

from .exceptions import Conflict

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    ADL + "completed": Verb.REACHED_END,
    ADL + "experienced": Verb.VIEWED,
    ADL + "scored": Verb.SCORED,
    ADL + "passed": Verb.SCORED,
    ADL + "failed": Verb.SCORED,
    ADL + "progressed": Verb.PROGRESSED,
}
# Verbs that score or complete: recorded only for a lesson whose rule trusts xAPI.
UNTRUSTED_VERBS = (Verb.SCORED, Verb.REACHED_END, Verb.MARKED_COMPLETE)
PROGRESS_EXTENSIONS = (
    "https://w3id.org/xapi/cmi5/result/extensions/progress",
    "http://id.tincanapi.com/extension/progress",
)
LESSON_IRI = re.compile(
    r"/lessons/([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})/?$", re.I
)
MAX_BATCH = 100
MAX_LIMIT = 500
MAX_IRI = 512
AGENT_IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
OBJECT_TYPES = ("Activity", "Agent", "Group", "StatementRef", "SubStatement")
ISO_DURATION = re.compile(
    r"^P(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?W)?(\d+(?:\.\d+)?D)?"
    r"(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?$"
)


class _Errors:
    def __init__(self):
        self.errors = {}

    def add(self, path, message):
        self.errors.setdefault(path, []).append(message)


def _is_iri(value):
    if not isinstance(value, str) or not value or len(value) > MAX_IRI or " " in value:
        return False
    parts = urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


def _is_uuid(value):
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _check_iri(errors, path, value):
    if not _is_iri(value):
        errors.add(path, _("Give an absolute IRI (at most 512 characters)."))


def _check_language_map(errors, path, value):
    if value is not None and not (
        isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    ):
        errors.add(path, _("Give a language map: language tags to strings."))


def _check_extensions(errors, path, value):
    if value is None:
        return
    if not isinstance(value, dict):
        errors.add(path, _("Give an object whose keys are IRIs."))
        return
    for key in value:
        if not _is_iri(key):
            errors.add(path, _("Extension keys must be IRIs."))
            break


def _check_agent(errors, path, actor):
    if not isinstance(actor, dict):
        errors.add(path, _("Give an agent or group object."))
        return
    kind = actor.get("objectType", "Agent")
    if kind not in ("Agent", "Group"):
        errors.add(f"{path}.objectType", _('Give "Agent" or "Group".'))
    ifis = [key for key in AGENT_IFIS if key in actor]
    if len(ifis) > 1 or not ifis and kind == "Agent":
        errors.add(path, _("Give exactly one identifier (mbox, mbox_sha1sum, openid or account)."))
    if "mbox" in actor and not (
        isinstance(actor["mbox"], str) and re.match(r"^mailto:[^@\s]+@[^@\s]+$", actor["mbox"])
    ):
        errors.add(f"{path}.mbox", _("Give a mailto: IRI."))
    if "mbox_sha1sum" in actor and not (
        isinstance(actor["mbox_sha1sum"], str)
        and re.fullmatch(r"[0-9a-fA-F]{40}", actor["mbox_sha1sum"])
    ):
        errors.add(f"{path}.mbox_sha1sum", _("Give a SHA-1 hex digest."))
    if "openid" in actor:
        _check_iri(errors, f"{path}.openid", actor["openid"])
    if "account" in actor:
        account = actor["account"]
        if not (
            isinstance(account, dict)
            and _is_iri(account.get("homePage"))
            and isinstance(account.get("name"), str)
            and account.get("name")
        ):
            errors.add(f"{path}.account", _("Give an account with homePage (an IRI) and name."))
    if "name" in actor and not isinstance(actor["name"], str):
        errors.add(f"{path}.name", _("Give a string."))


def _check_result(errors, path, result):
    if result is None:
        return
    if not isinstance(result, dict):
        errors.add(path, _("Give an object."))
        return
    for flag in ("success", "completion"):
        if flag in result and not isinstance(result[flag], bool):
            errors.add(f"{path}.{flag}", _("Give true or false."))
    if "duration" in result and not (
        isinstance(result["duration"], str) and ISO_DURATION.match(result["duration"])
    ):
        errors.add(f"{path}.duration", _("Give an ISO 8601 duration, such as PT1M30S."))
    _check_extensions(errors, f"{path}.extensions", result.get("extensions"))
    score = result.get("score")
    if score is None:
        return
    if not isinstance(score, dict):
        errors.add(f"{path}.score", _("Give an object."))
        return
    for key in ("scaled", "raw", "min", "max"):
        if key in score and not _number(score[key]):
            errors.add(f"{path}.score.{key}", _("Give a number."))
    if _number(score.get("scaled")) and not -1 <= score["scaled"] <= 1:
        errors.add(f"{path}.score.scaled", _("The scaled score is between -1 and 1."))
    low, high, raw = score.get("min"), score.get("max"), score.get("raw")
    if _number(low) and _number(high) and low >= high:
        errors.add(f"{path}.score.max", _("The maximum must be more than the minimum."))
    if _number(raw) and _number(low) and raw < low:
        errors.add(f"{path}.score.raw", _("The raw score is below the minimum."))
    if _number(raw) and _number(high) and raw > high:
        errors.add(f"{path}.score.raw", _("The raw score is above the maximum."))


def _check_object(errors, path, obj, *, nested=False):
    if not isinstance(obj, dict):
        errors.add(path, _("Give an object."))
        return
    kind = obj.get("objectType", "Activity")
    if kind not in OBJECT_TYPES or (nested and kind == "SubStatement"):
        errors.add(f"{path}.objectType", _("Give a known object type."))
        return
    if kind == "Activity":
        _check_iri(errors, f"{path}.id", obj.get("id"))
        definition = obj.get("definition")
        if definition is not None:
            if not isinstance(definition, dict):
                errors.add(f"{path}.definition", _("Give an object."))
            else:
                _check_language_map(errors, f"{path}.definition.name", definition.get("name"))
                _check_language_map(
                    errors, f"{path}.definition.description", definition.get("description")
                )
                if "type" in definition:
                    _check_iri(errors, f"{path}.definition.type", definition["type"])
                _check_extensions(
                    errors, f"{path}.definition.extensions", definition.get("extensions")
                )
    elif kind in ("Agent", "Group"):
        _check_agent(errors, path, obj)
    elif kind == "StatementRef":
        if not _is_uuid(obj.get("id")):
            errors.add(f"{path}.id", _("Give a UUID."))
    else:
        _check_agent(errors, f"{path}.actor", obj.get("actor"))
        _check_verb(errors, f"{path}.verb", obj.get("verb"))
        _check_object(errors, f"{path}.object", obj.get("object"), nested=True)


def _check_verb(errors, path, verb):
    if not isinstance(verb, dict):
        errors.add(path, _("Give an object with an id."))
        return
    _check_iri(errors, f"{path}.id", verb.get("id"))
    _check_language_map(errors, f"{path}.display", verb.get("display"))


def _utc(value):
    """An ISO 8601 date and time with a zone, in UTC; None if it is not one (or out of range)."""
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None or parsed.tzinfo is None:
            return None
        return parsed.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return None


def _check_timestamp(errors, path, value):
    if value is None:
        return None
    parsed = _utc(value)
    if parsed is None:
        errors.add(path, _("Give an ISO 8601 date and time with a time zone."))
        return None
    return parsed


def validate_statement(errors, prefix, statement):
    """Check one statement; add errors under ``prefix``; return its parsed timestamp."""
    if not isinstance(statement, dict):
        errors.add(prefix or "non_field_errors", _("A statement is a JSON object."))
        return None
    at = f"{prefix}." if prefix else ""
    if "id" in statement and not _is_uuid(statement["id"]):
        errors.add(f"{at}id", _("Give a UUID."))
    for key in ("actor", "verb", "object"):
        if key not in statement:
            errors.add(f"{at}{key}", _("This field is required."))
    if "actor" in statement:
        _check_agent(errors, f"{at}actor", statement["actor"])
    if "verb" in statement:
        _check_verb(errors, f"{at}verb", statement["verb"])
    if "object" in statement:
        _check_object(errors, f"{at}object", statement["object"])
    _check_result(errors, f"{at}result", statement.get("result"))
    context = statement.get("context")
    if context is not None:
        if not isinstance(context, dict):
            errors.add(f"{at}context", _("Give an object."))
        else:
            if "registration" in context and not _is_uuid(context["registration"]):
                errors.add(f"{at}context.registration", _("Give a UUID."))
            _check_extensions(errors, f"{at}context.extensions", context.get("extensions"))
    return _check_timestamp(errors, f"{at}timestamp", statement.get("timestamp"))


def lesson_uuid(obj):
    """The lesson UUID an activity IRI names (``…/lessons/<uuid>``), or None."""
    if obj.get("objectType", "Activity") != "Activity":
        return None
    match = LESSON_IRI.search(obj["id"])
    return uuid.UUID(match.group(1)) if match else None


def _seconds(duration):
    if not duration:
        return 0.0
    try:
        parsed = parse_duration(duration)
    except OverflowError:  # "P9999999999D": more than any report may add anyway
        return float("inf")
    return parsed.total_seconds() if parsed is not None else 0.0


def _report(statement):
    """``(verb, kwargs)`` for record_learning, or None when the statement only gets stored."""
    verb = VERBS.get(statement["verb"]["id"])
    if verb is None:
        return None
    result = statement.get("result") or {}
    kwargs = {"time_spent": _seconds(result.get("duration"))}
    if verb == Verb.SCORED:
        scaled = (result.get("score") or {}).get("scaled")
        if not _number(scaled):
            return None
        kwargs["score"] = max(0.0, float(scaled))
        name = statement["verb"]["id"].removeprefix(ADL)
        kwargs["passed"] = {"passed": True, "failed": False}.get(name, result.get("success"))
    elif verb == Verb.PROGRESSED:
        extensions = result.get("extensions") or {}
        value = next((extensions[k] for k in PROGRESS_EXTENSIONS if k in extensions), None)
        if not _number(value) or not 0 <= value <= 100:
            return None
        kwargs["progress"] = value / 100
    return verb, kwargs


def _whole(params, name, default):
    value = params.get(name)
    try:
        number = int(value) if value not in (None, "") else default
    except ValueError:
        number = -1
    if not 0 <= number <= 10**9:
        raise ValidationError({name: [_("Give a whole number.")]})
    return number


def _iri_param(params, name):
    """A query parameter that names an IRI; 400 for anything else (NUL was a 500)."""
    value = params[name]
    try:
        safejson.check_text(value)
    except safejson.UnsafeJSON as refusal:
        raise ValidationError({name: [str(refusal)]}) from None
    if not _is_iri(value):
        raise ValidationError({name: [_("Give an absolute IRI (at most 512 characters).")]})
    return value


def _when(params, name):
    value = params.get(name)
    if not value:
        return None
    parsed = _utc(value)
    if parsed is None:
        raise ValidationError({name: [_("Give an ISO 8601 date and time with a time zone.")]})
    return parsed


class StatementResultSerializer(serializers.Serializer):
    statements = serializers.ListField(child=serializers.DictField())
    more = serializers.CharField(allow_blank=True)


STATEMENT_SCHEMA = {
    "type": "object",
    "required": ["actor", "verb", "object"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "actor": {"type": "object"},
        "verb": {"type": "object"},
        "object": {"type": "object"},
        "result": {"type": "object"},
        "context": {"type": "object"},
        "timestamp": {"type": "string", "format": "date-time"},
    },
}


# Query parameters as the view checks them (_iri_param, _whole).
IRI_PARAMETER = {"type": "string", "maxLength": MAX_IRI, "pattern": "^[^\\x00\\s]*$"}
WHOLE_PARAMETER = {"type": "integer", "minimum": 0, "maximum": 10**9}


class StatementsView(APIView):
    """Store the caller's xAPI statements; read theirs and, for a trainer, their cohorts'."""

    @extend_schema(
        parameters=[
            OpenApiParameter("statementId", OpenApiTypes.UUID),
            OpenApiParameter(
                "agent",
                OpenApiTypes.STR,
                description=_("An xAPI agent (JSON): only statements about this learner"),
            ),
            OpenApiParameter("verb", IRI_PARAMETER, description=_("Verb IRI")),
            OpenApiParameter("activity", IRI_PARAMETER, description=_("Activity IRI")),
            OpenApiParameter("registration", OpenApiTypes.UUID),
            OpenApiParameter("since", OpenApiTypes.DATETIME),
            OpenApiParameter("until", OpenApiTypes.DATETIME),
            OpenApiParameter("limit", WHOLE_PARAMETER),
            OpenApiParameter("offset", WHOLE_PARAMETER),
        ],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT),
            404: OpenApiResponse(description=_("No statement you may read has this id.")),
        },
    )
    def get(self, request):
        params = request.query_params
        visible = visible_statements(request.user)
        if params.get("statementId"):
            if not _is_uuid(params["statementId"]):
                raise ValidationError({"statementId": [_("Give a UUID.")]})
            found = visible.filter(pk=params["statementId"]).first()
            if found is None:
                raise NotFound
            return Response(self._shown(found))
        if params.get("agent"):
            visible = visible.filter(learner=self._agent(request, params["agent"]))
        for name, field in (("verb", "verb"), ("activity", "object_id")):
            if params.get(name):
                visible = visible.filter(**{field: _iri_param(params, name)})
        if params.get("registration"):
            if not _is_uuid(params["registration"]):
                raise ValidationError({"registration": [_("Give a UUID.")]})
            visible = visible.filter(registration=params["registration"])
        since, until = _when(params, "since"), _when(params, "until")
        if since:
            visible = visible.filter(stored__gt=since)
        if until:
            visible = visible.filter(stored__lte=until)
        # xAPI: a limit of 0 means "the server's maximum".
        limit = min(_whole(params, "limit", 50) or MAX_LIMIT, MAX_LIMIT)
        offset = _whole(params, "offset", 0)
        rows = list(
            visible.order_by("-stored", "-pk").only("raw", "stored")[offset : offset + limit + 1]
        )
        more = ""
        if len(rows) > limit:
            rows = rows[:limit]
            query = params.copy()
            query["offset"] = str(offset + limit)
            more = f"{request.path}?{urlencode(query)}"
        return Response({"statements": [self._shown(row) for row in rows], "more": more})

    @staticmethod
    def _agent(request, value):
        """The learner the ``agent`` parameter names (any user: the scope limits what shows)."""
        try:
            agent = safejson.loads(value)
        except (safejson.UnsafeJSON, ValueError) as refusal:
            raise ValidationError({"agent": [str(refusal)]}) from None
        errors = _Errors()
        _check_agent(errors, "agent", agent)
        if errors.errors:
            raise ValidationError(errors.errors)
        people = get_user_model().objects.all()
        return find_learner(agent, request.build_absolute_uri("/"), people)

    @staticmethod
    def _shown(row):
        return {**row.raw, "stored": row.stored.isoformat()}

    @extend_schema(
        request={
            "application/json": {
                "oneOf": [STATEMENT_SCHEMA, {"type": "array", "items": STATEMENT_SCHEMA}]
            }
        },
        responses={
            200: OpenApiResponse(
                {"type": "array", "items": {"type": "string", "format": "uuid"}},
                description=_("The ids of the statements, in the order sent."),
            ),
            400: OpenApiResponse(description=_("A statement is invalid; nothing was stored.")),
            403: OpenApiResponse(
                description=_("Not enrolled in a lesson's course; nothing was stored.")
            ),
            409: OpenApiResponse(description=_("An id is already stored with other content.")),
        },
    )
    def post(self, request):
        body = request.data
        sent = body if isinstance(body, list) else [body]
        if not sent or len(sent) > MAX_BATCH:
            raise ValidationError(
                {"non_field_errors": [_("Send 1 to %(n)d statements.") % {"n": MAX_BATCH}]}
            )
        errors = _Errors()
        for index, statement in enumerate(sent):
            prefix = str(index) if isinstance(body, list) else ""
            validate_statement(errors, prefix, statement)
        if errors.errors:
            raise ValidationError(errors.errors)
        site_origin = request.build_absolute_uri("/")
        for index, statement in enumerate(sent):
            if not names_learner(statement["actor"], request.user, site_origin):
                at = f"{index}." if isinstance(body, list) else ""
                errors.add(
                    f"{at}actor",
                    _(
                        "A statement's actor must be you: your account on this site, "
                        "your email address or your learner address."
                    ),
                )
        if errors.errors:
            raise ValidationError(errors.errors)

        # Lesson items come from the page cache (lms.services.active_item).
        items, lessons = {}, {}
        for index, statement in enumerate(sent):
            value = lesson_uuid(statement["object"])
            if value is None:
                continue
            if value not in items:
                try:
                    items[value] = services.active_item(value)
                except services.UnknownLesson:
                    items[value] = None
            if items[value] is not None:
                lessons[index] = items[value]
        try:
            with transaction.atomic():
                rows = statements.prepare(request.user, sent, source=Source.XAPI, items=lessons)
                self._store(request.user, statements.fresh(rows))
        except statements.StatementConflict as conflict:
            raise Conflict(str(conflict)) from None
        except IntegrityError:  # a concurrent request stored one of these ids first
            raise Conflict(_("A statement id was stored by another request; send again.")) from None
        return Response([str(row.pk) for row in rows], status=status.HTTP_200_OK)

    def _store(self, learner, new):
        """Store the new statements and record each one about a lesson, once."""
        for row in new:
            if row.item is not None and row.is_top_level and _scores(row):
                row.attempt, _summary = add_attempt(
                    learner,
                    row.item,
                    source=Source.XAPI,
                    activity="xapi",
                    started_at=row.timestamp,
                    score=row.score,
                    passed=row.success,
                    completed=row.completion,
                    rule="xapi",
                    counted=services.trusts(row.item, Source.XAPI) and bool(row.success),
                )
        statements.save(new)
        # The statement's unique id, stored in this same transaction, guards against
        # counting a statement twice: one sent again is not new.
        for row in new:
            if row.item is None:
                continue
            report = _report(row.raw)
            verb, kwargs = report if report is not None else (None, {})
            if verb in UNTRUSTED_VERBS and not services.trusts(row.item, Source.XAPI):
                # Not a source this lesson's rule names: its time counts, its result does not.
                verb, kwargs = (
                    Verb.PROGRESSED,
                    {"progress_delta": 0.0, "time_spent": kwargs["time_spent"]},
                )
            try:
                if verb is None:
                    services.learner_enrolment(learner, row.item.course_id)
                else:
                    services.record_learning(
                        learner, row.item.uuid, verb, source=Source.XAPI, item=row.item, **kwargs
                    )
            except services.NotEnrolled as refusal:
                # The whole batch is rolled back: nothing was stored.
                raise PermissionDenied(str(refusal)) from None


def _scores(row):
    """Whether a statement reports a scored or judged result (an attempt of the lesson)."""
    return row.score is not None or row.success is not None
