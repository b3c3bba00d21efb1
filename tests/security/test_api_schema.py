"""The OpenAPI schema documents every answer an operation can give, and answers keep to it.

Walks the generated schema: each operation lists 401 and 429 (every operation
authenticates a token and is throttled), 404 on detail routes and paginated
lists, 400 where there is input, 403 where a permission or CSRF can refuse,
415 where there is a body, each with the error body :mod:`api.exceptions`
writes, and the limits of its parameters. Then real answers are
checked against it: a patron with no email address, and one error of each kind.
"""

import json

import pytest
import schemathesis
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.factories import UserFactory
from library.factories import PatronFactory
from tests.api.inprocess import keep_test_connection

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def document():
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))


def all_operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", path, method, operation


def is_public(operation):
    return {} in operation.get("security", [])


def test_every_operation_documents_401_and_429(document):
    for name, _path, _method, operation in all_operations(document):
        assert {"401", "429"} <= set(operation["responses"]), name
        assert "WWW-Authenticate" in operation["responses"]["401"]["headers"], name
        assert "Retry-After" in operation["responses"]["429"]["headers"], name


def test_detail_routes_and_paginated_lists_document_404(document):
    for name, path, _method, operation in all_operations(document):
        paginated = any(p["name"] == "page" for p in operation.get("parameters", []))
        if "{" in path or paginated:
            assert "404" in operation["responses"], name


def test_operations_with_input_document_400(document):
    for name, _path, method, operation in all_operations(document):
        queried = any(p["in"] == "query" for p in operation.get("parameters", []))
        if method != "get" or queried:
            assert "400" in operation["responses"], name


def test_operations_with_a_body_document_415(document):
    for name, _path, _method, operation in all_operations(document):
        if "requestBody" in operation:
            assert "415" in operation["responses"], name


def test_operations_that_can_refuse_document_403(document):
    for name, _path, method, operation in all_operations(document):
        if method != "get" or not is_public(operation):
            assert "403" in operation["responses"], name


def test_public_reads_do_not_claim_a_403(document):
    public = [
        name
        for name, _path, method, operation in all_operations(document)
        if method == "get" and is_public(operation)
    ]
    assert "GET /api/v1/courses/" in public
    for name, _path, _method, operation in all_operations(document):
        if name in public:
            assert "403" not in operation["responses"], name


def test_every_error_has_the_api_error_body(document):
    schemas = document["components"]["schemas"]
    assert schemas["Error"]["required"] == ["detail"]
    assert schemas["ValidationError"]["required"] == ["detail"]
    assert "errors" in schemas["ValidationError"]["properties"]
    for name, _path, _method, operation in all_operations(document):
        for code, response in operation["responses"].items():
            if code.startswith("4"):
                body = response["content"]["application/json"]["schema"]["$ref"]
                expected = "ValidationError" if code == "400" else "Error"
                assert body == f"#/components/schemas/{expected}", (name, code)


def test_parameters_carry_the_limits_the_api_enforces(document):
    def parameter(path, name):
        operation = document["paths"][path]["get"]
        return next(p["schema"] for p in operation["parameters"] if p["name"] == name)

    assert parameter("/api/v1/courses/", "page_size") == {
        "type": "integer",
        "minimum": 1,
        "maximum": 200,
    }
    assert parameter("/api/v1/library/copies/", "material") == {
        "type": "integer",
        "minimum": 1,
        "maximum": 2**31 - 1,
    }
    assert parameter("/api/v1/library/copies/", "centre")["maxLength"] == 12
    assert parameter("/api/v1/library/materials/", "q")["maxLength"] == 200
    assert parameter("/api/v1/library/copies/{id}/", "id")["minimum"] == 1
    assert parameter("/api/v1/certificates/{code}/verify/", "code")["maxLength"] == 16
    checkout = document["components"]["schemas"]["CheckoutRequest"]["properties"]
    assert checkout["centre"]["maxLength"] == 12


# --- Real answers against the schema ---------------------------------------------------


@pytest.fixture
def api_schema(db):
    with keep_test_connection():
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


def answer(api_schema, method, path, user=None, *, call=None, **parameters):
    """Send the request in-process and check the answer with Schemathesis' own response
    checks (status code documented, content type, body against the schema)."""
    headers = {}
    if user is not None:
        headers["Authorization"] = f"Token {Token.objects.get_or_create(user=user)[0].key}"
    case = api_schema[path][method].Case(headers=headers, **parameters)
    response = case.call(**(call or {}))
    case.validate_response(
        response,
        checks=[status_code_conformance, content_type_conformance, response_schema_conformance],
    )
    return response


ME = "/api/v1/library/patrons/me/"


def test_a_patron_without_an_email_address_reads_their_card_within_the_schema(api_schema):
    learner = UserFactory()
    PatronFactory(user=learner, email="")
    response = answer(api_schema, "GET", ME, learner)
    assert response.status_code == 200
    assert response.json()["email"] is None


def test_a_patron_with_an_email_address_gets_it(api_schema):
    learner = UserFactory()
    PatronFactory(user=learner, email="aysel@example.az")
    assert answer(api_schema, "GET", ME, learner).json()["email"] == "aysel@example.az"


def test_each_kind_of_error_answers_the_documented_body(api_schema):
    learner = UserFactory()
    assert answer(api_schema, "GET", ME).status_code == 401
    assert answer(api_schema, "GET", ME, learner).status_code == 404
    assert answer(api_schema, "GET", "/api/v1/library/copies/", learner).status_code == 403
    invalid = answer(api_schema, "GET", "/api/v1/courses/", query={"page_size": "lots"})
    assert invalid.status_code == 400
    assert invalid.json()["errors"]["page_size"]
    malformed = answer(
        api_schema,
        "POST",
        "/api/v1/enrolments/",
        learner,
        call={"data": b"{", "headers": {"Content-Type": "application/json"}},
    )
    assert malformed.status_code == 400
    assert "errors" not in malformed.json()


def test_a_throttled_request_answers_the_documented_429(api_schema, monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "1/minute", "user": "1/minute"}
    )
    cache.clear()
    answer(api_schema, "GET", "/api/v1/courses/")
    throttled = answer(api_schema, "GET", "/api/v1/courses/")
    assert throttled.status_code == 429
    assert throttled.headers["retry-after"]


def test_an_address_under_the_api_that_names_no_endpoint_answers_json(api_schema):
    for path in (
        "/api/v1/library/copies/1.5/",
        "/api/v1/progress/lessons/not-a-uuid/",
        # PostgreSQL cannot compare text holding NUL: this was a 500 there.
        "/api/v1/certificates/%00/verify/",
    ):
        response = APIClient().get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/json", path
        assert response.json() == {"detail": "Not found."}
    posted = APIClient().post("/api/v1/library/loans/1.5/renew/")
    assert posted.status_code == 404
    assert posted.json() == {"detail": "Not found."}
