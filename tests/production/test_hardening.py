"""Hardening: sign-in lockout, Content Security Policy, throttling and upload limits."""

import re
from pathlib import Path

import pytest
from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_lockouts():
    reset_lockouts()
    yield
    reset_lockouts()


def sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client):
    UserFactory(username="aysel")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "aysel", "wrong-password").status_code == 200
    locked = sign_in(client, "aysel", "wrong-password")
    assert locked.status_code == 429
    assert b"Too many failed sign-ins" in locked.content
    refused = sign_in(client, "aysel", DEFAULT_PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_for_that_account_only(client):
    UserFactory(username="aysel")
    UserFactory(username="murad")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "aysel", "wrong-password")
    assert sign_in(client, "murad", DEFAULT_PASSWORD).status_code == 302


def test_resetting_the_lockout_lets_the_person_in_again(client):
    UserFactory(username="aysel")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "aysel", "wrong-password")
    reset_lockouts(username="aysel")
    assert sign_in(client, "aysel", DEFAULT_PASSWORD).status_code == 302


def test_a_success_before_the_limit_clears_the_failures(client):
    UserFactory(username="aysel")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "aysel", "wrong-password")
    assert sign_in(client, "aysel", DEFAULT_PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "aysel", "wrong-password").status_code == 200


def test_the_client_address_is_the_one_the_trusted_proxy_saw(settings):
    from operations.security import client_ip

    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.1.2.3", REMOTE_ADDR="172.18.0.5"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "172.18.0.5"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "10.1.2.3"  # what the client wrote itself is ignored


def test_passwords_must_be_long_uncommon_and_not_numeric():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("short1", "password123", "12345678901234"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("inclusive-classrooms-2026")


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_learner_pages_get_a_strict_policy(client, course):
    directives = policy(client.get(course.url))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_the_admin_gets_inline_code_but_nothing_from_elsewhere_and_learners_do_not(
    admin_client, course
):
    directives = policy(admin_client.get("/admin/"))
    assert "'unsafe-inline'" in directives["style-src"]
    assert "'unsafe-inline'" in directives["script-src"]  # Wagtail's date choosers
    assert "'unsafe-eval'" not in directives["script-src"]
    assert all(
        source.startswith("'") or source in ("data:", "blob:")
        for sources in directives.values()
        for source in sources
    )
    assert policy(admin_client.get(course.url))["script-src"] == ["'self'"]


def test_a_view_can_widen_its_own_policy_with_django_csp_decorators(rf):
    """How the H5P player's frame gets what H5P needs (see docs/deployment.md)."""
    from csp.decorators import csp_update
    from csp.middleware import CSPMiddleware

    @csp_update({"script-src": ["'unsafe-eval'"]})
    def player(request):
        return HttpResponse("<html></html>")

    request = rf.get("/h5p/1/")
    response = CSPMiddleware(player)(request)
    directives = policy(response)
    assert directives["script-src"] == ["'self'", "'unsafe-eval'"]
    assert directives["style-src"] == ["'self'"]


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")|\sstyle=\"|\son[a-z]+=\""
)


def test_no_template_has_inline_scripts_styles_or_event_handlers():
    templates = [
        path
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]
    assert len(templates) > 20
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in templates
        for match in INLINE.finditer(path.read_text())
    ]
    assert offenders == []


def test_api_requests_are_throttled_per_user_and_address():
    rest = settings.REST_FRAMEWORK
    assert "rest_framework.throttling.UserRateThrottle" in rest["DEFAULT_THROTTLE_CLASSES"]
    assert "rest_framework.throttling.AnonRateThrottle" in rest["DEFAULT_THROTTLE_CLASSES"]
    assert set(rest["DEFAULT_THROTTLE_RATES"]) >= {"anon", "user"}


def test_an_anonymous_api_client_is_throttled(rf, settings):
    from django.core.cache import cache
    from rest_framework.response import Response
    from rest_framework.views import APIView

    class Ping(APIView):
        permission_classes = []

        def get(self, request):
            return Response({"ok": True})

    cache.clear()
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
    limit = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"].split("/")[0])
    view = Ping.as_view()
    codes = [
        view(rf.get("/api/v1/ping", REMOTE_ADDR="10.9.9.9")).status_code for _ in range(limit + 1)
    ]
    assert codes[:limit] == [200] * limit
    assert codes[-1] == 429


def test_an_oversized_request_body_is_refused(learner_client, enrolled, lessons):
    response = learner_client.post(
        reverse("courses:progress", args=[lessons[0].lesson_uuid]),
        data=b"{" + b" " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + b"}",
        content_type="application/json",
    )
    assert response.status_code == 400
