"""schemathesis against the live schema: every operation, signed in, no 500 and no schema break.

The schema is loaded from the running Django WSGI application (in-process,
on the test database), and every operation gets a few generated requests as
a learner, as centre staff and as a superuser, so the run stays short.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
EXAMPLES_PER_OPERATION = 5


@pytest.fixture
def api_schema(world, monkeypatch):
    # Fuzzing sends far more requests a minute than any client should.
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None, "auth": None}
    )
    # As Django's test client does: the end of a request must not close the test's
    # database connection (PostgreSQL would lose the test transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


def test_the_schema_has_every_operation(api_schema):
    names = {f"{op.method.upper()} {op.path}" for op in operations(api_schema)}
    assert "POST /api/v1/xapi/statements" in names
    assert "POST /api/v1/library/loans/{id}/renew/" in names
    assert {
        "GET /api/v1/library/copies/",
        "GET /api/v1/library/copies/{id}/",
        "GET /api/v1/library/patrons/",
        "GET /api/v1/library/patrons/{id}/",
        "GET /api/v1/library/patrons/me/",
        "POST /api/v1/library/holds/{id}/cancel/",
        "GET /api/v1/library/transfers/",
        "POST /api/v1/library/transfers/",
        "POST /api/v1/library/transfers/receive/",
        "POST /api/v1/library/stocktakes/",
        "POST /api/v1/library/stocktakes/{id}/scans/",
        "GET /api/v1/library/stocktakes/{id}/result/",
    } <= names
    assert len(names) >= 30


@pytest.mark.parametrize("role", ["learner", "staff", "admin"])
def test_every_operation_answers_within_its_schema(api_schema, world, role):
    token = Token.objects.get_or_create(user=world["users"][role])[0].key
    headers = {"Authorization": f"Token {token}"}
    for operation in operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
