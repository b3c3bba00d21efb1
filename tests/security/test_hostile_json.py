"""Hostile JSON: every endpoint that reads JSON answers 400 with a message, never 500.

Deeply nested JSON made Python's decoder raise ``RecursionError`` (a 500,
without signing in on the token endpoint and the SCORM commit); an unpaired
surrogate (``\\ud800``) broke the xAPI statement digest; and on PostgreSQL a
NUL character (``\\u0000``) in a statement, CMI data or H5P saved state could
not be stored. All JSON is now read through ``lms.safejson`` (DRF's through
``api.parsers.SafeJSONParser``), which refuses these before anything is
stored. Each case also sends the same request with plain text, which is taken.
"""

import json
from dataclasses import dataclass

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.factories import DEFAULT_PASSWORD
from h5p.models import H5PUserData
from lms import content, safejson
from lms.models import LessonProgress, Statement
from tests.content import content_post, token_for
from tests.h5p.conftest import statement
from tests.helpers import sco_attempts
from tests.scorm.conftest import place

pytestmark = pytest.mark.django_db

TOO_DEEP = "The JSON is nested more than 64 levels deep."
BAD_TEXT = "Text may not contain NUL characters or unpaired surrogates."
DEPTH = 50_000

# name: (the JSON text sent, given the endpoint, and the message expected)
PAYLOADS = {
    "nested arrays": (lambda endpoint: "[" * DEPTH + "]" * DEPTH, TOO_DEEP),
    "nested objects": (lambda endpoint: '{"a":' * DEPTH + "1" + "}" * DEPTH, TOO_DEEP),
    "lone surrogate in a string": (
        lambda endpoint: json.dumps(endpoint.body({"note": "\ud800"})),
        BAD_TEXT,
    ),
    "NUL in a string": (lambda endpoint: json.dumps(endpoint.body({"note": "a\x00b"})), BAD_TEXT),
    "NUL in a key": (lambda endpoint: json.dumps(endpoint.body({"a\x00b": "x"})), BAD_TEXT),
}


@dataclass
class Endpoint:
    """How to send JSON text to one endpoint, a body it takes, and what it stores."""

    send: object  # (JSON text) -> response
    body: object  # (extra, a dict placed where the endpoint stores free-form data) -> dict
    stored: object  # () -> number of rows the endpoint writes


def message(response):
    data = response.json()
    return next(data[key] for key in ("detail", "message", "error") if key in data)


def api_client(user):
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def token_endpoint(request, learner):
    """``POST /api/v1/auth/token/``, without signing in."""
    client = APIClient()
    return Endpoint(
        send=lambda text: client.post(reverse("api:token"), text, content_type="application/json"),
        body=lambda extra: {"username": learner.username, "password": DEFAULT_PASSWORD, **extra},
        stored=Token.objects.count,
    )


def scorm_commit_endpoint(request, learner):
    """The SCORM runtime's commit: no cookies, the launch page's token in the URL."""
    request.getfixturevalue("enrolled")
    lesson, block_id = place(
        request.getfixturevalue("lessons")[0], request.getfixturevalue("scorm12")
    )
    token = token_for(
        learner,
        "scorm.run",
        l=str(lesson.lesson_uuid),
        b=str(block_id),
        k=lesson.body[0].value["package"].pk,
    )
    url = reverse("scorm_content:commit", args=[token])
    client = request.getfixturevalue("client")
    return Endpoint(
        send=lambda text: content_post(client, url, text, content_type="application/json"),
        body=lambda extra: {
            "sco": "item1",
            "session": "s1",
            "data": {"cmi.core.lesson_status": "incomplete", **extra},
        },
        stored=sco_attempts().count,
    )


def xapi_endpoint(request, learner):
    """``POST /api/v1/xapi/statements`` for a signed-in learner."""
    client = api_client(learner)
    return Endpoint(
        send=lambda text: client.post(
            reverse("api:xapi-statements"), text, content_type="application/json"
        ),
        body=lambda extra: {
            "actor": {"mbox": f"mailto:{learner.email}"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
            "object": {
                "id": "http://example.org/activities/reading",
                "definition": {"name": {"en": "Reading", **extra}},
            },
        },
        stored=Statement.objects.count,
    )


def progress_endpoint(request, learner):
    """``POST /api/v1/progress/lessons/<uuid>/`` for a signed-in, enrolled learner."""
    request.getfixturevalue("enrolled")
    lesson = request.getfixturevalue("lessons")[0]
    client = api_client(learner)
    url = reverse("api:progress-lesson", args=[lesson.lesson_uuid])
    return Endpoint(
        send=lambda text: client.post(url, text, content_type="application/json"),
        body=lambda extra: {"verb": "progressed", "progress": 0.5, **extra},
        stored=LessonProgress.objects.count,
    )


def h5p_statements_endpoint(request, learner):
    """The H5P statements a lesson page posts for its signed-in, enrolled learner."""
    request.getfixturevalue("enrolled")
    lesson, activity = request.getfixturevalue("h5p_lesson"), request.getfixturevalue("multichoice")
    client = request.getfixturevalue("client")
    client.force_login(learner)
    attempt = content.sign_timed(
        "h5p.attempt", u=learner.pk, l=str(lesson.lesson_uuid), a=activity.pk
    )
    url = reverse("h5p:statements", args=[lesson.lesson_uuid, activity.pk])
    return Endpoint(
        send=lambda text: client.post(url, text, content_type="application/json"),
        body=lambda extra: {
            "statements": [{**statement(scaled=None, parent="http://p"), **extra}],
            "attempt": attempt,
        },
        stored=Statement.objects.filter(source="h5p").count,
    )


def h5p_state_endpoint(request, learner):
    """H5P's saved state (a form field ``data`` holding JSON) for an enrolled learner."""
    request.getfixturevalue("enrolled")
    # The nested payloads are larger than the state's own cap (which answers 413).
    request.getfixturevalue("settings").H5P = {"MAX_STATE_BYTES": 1024 * 1024}
    lesson, activity = request.getfixturevalue("h5p_lesson"), request.getfixturevalue("multichoice")
    token = token_for(learner, "h5p.play", l=str(lesson.lesson_uuid), a=activity.pk)
    url = reverse("h5p_content:state", args=[token, "state", "0"])
    client = request.getfixturevalue("client")
    return Endpoint(
        send=lambda text: content_post(client, url, {"data": text}),
        body=lambda extra: {"answers": [1], **extra},
        stored=H5PUserData.objects.count,
    )


ENDPOINTS = {
    "token": token_endpoint,
    "SCORM commit": scorm_commit_endpoint,
    "xAPI statements": xapi_endpoint,
    "progress": progress_endpoint,
    "H5P statements": h5p_statements_endpoint,
    "H5P saved state": h5p_state_endpoint,
}


@pytest.fixture(params=list(ENDPOINTS))
def endpoint(request, learner):
    return ENDPOINTS[request.param](request, learner)


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_hostile_json_is_refused_with_a_message_and_nothing_is_stored(endpoint, payload):
    make, expected = PAYLOADS[payload]
    before = endpoint.stored()
    response = endpoint.send(make(endpoint))
    assert response.status_code == 400
    assert message(response) == expected
    assert endpoint.stored() == before


def test_the_same_requests_with_plain_text_are_taken(endpoint):
    before = endpoint.stored()
    response = endpoint.send(json.dumps(endpoint.body({"note": "Aysel Məmmədova"})))
    assert response.status_code == 200, response.content
    assert endpoint.stored() == before + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 65 + "]" * 65, TOO_DEEP),
        ("[" * 100_000, TOO_DEEP),  # never closed: still not decoded
        ('{"a":"\\uDFFF"}', BAD_TEXT),
        ('["\\u0000"]', BAD_TEXT),
        ("NaN", "The data sent is not valid JSON."),
        ("[1e999]", "A number in the JSON is too large."),
        (b"\xff{}", "The data sent is not valid JSON."),
    ],
)
def test_the_parser_refuses(text, expected):
    with pytest.raises(safejson.UnsafeJSON) as refusal:
        safejson.loads(text)
    assert str(refusal.value) == expected


def nested(levels):
    value = []
    for _level in range(levels - 1):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("[" * 64 + "]" * 64, nested(64)),
        ('["' + "[" * 100 + '"]', ["[" * 100]),  # brackets in a string are text
        ('["\\ud83d\\ude00", "\\\\u0000"]', ["\U0001f600", "\\u0000"]),  # a pair; an escaped "\\"
        (b'\xef\xbb\xbf{"a": -1.5}', {"a": -1.5}),
    ],
)
def test_the_parser_takes_what_is_safe(text, value):
    assert safejson.loads(text) == value


def test_a_body_over_the_size_cap_is_refused(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    with pytest.raises(safejson.UnsafeJSON):
        safejson.loads(b'{"a": "0123456789"}')
    assert safejson.loads(b'{"a": "0123456789"}', max_bytes=None) == {"a": "0123456789"}


@pytest.mark.parametrize("text", ["a\x00b", "\ud800", "x\udc00"])
def test_check_text_refuses_nul_and_lone_surrogates(text):
    with pytest.raises(safejson.UnsafeJSON):
        safejson.check_text(text)
    assert safejson.check_text("Aysel Məmmədova 😀") == "Aysel Məmmədova 😀"
