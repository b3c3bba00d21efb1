"""Packaged content (H5P, SCORM) runs in an origin that holds nothing of the site's.

The outside test: a trainer's package with edited library JavaScript ran with
the viewer's session, in a frame sandboxed with ``allow-same-origin`` on the
site's own origin (so its script could fetch admin pages and write into the
lesson page); SCORM files were served the same way; every file under
``/media/`` (SCORM archives and their unpacked files among them) was served by
nginx without a check; and an SVG with a script was served inline, stopped by
nothing but the site's CSP. Each case below failed on that code.

The test settings put content on ``http://content.testserver`` (tests/content.py).
"""

import json
import re
import time
from pathlib import Path

import pytest
from django.core import signing
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.factories import UserFactory
from h5p.importing import import_package as import_h5p
from lms import content
from lms.content import ContentOriginMiddleware
from lms.models import LessonProgress, Statement
from scorm.importing import import_package as import_scorm
from tests.content import CONTENT_HOST, content_get, content_post, token_for
from tests.h5p.conftest import statement
from tests.h5p.packages import tiny
from tests.helpers import sco_attempts
from tests.scorm.conftest import place
from tests.scorm.packages import make_zip, scorm12_files

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>document.title = 'ran'</script><rect width='10' height='10'/></svg>"
)


def play_token(user, lesson, activity):
    return token_for(user, "h5p.play", l=str(lesson.lesson_uuid), a=activity.pk)


def play_url(user, lesson, activity):
    return reverse("h5p_content:play", args=[play_token(user, lesson, activity)])


def file_url(user, lesson, activity, path="h5p.json"):
    token = play_token(user, lesson, activity)
    return reverse("h5p_content:file", args=[token, activity.version, path])


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in (header or "").split(";") if part.strip()}


# The content origin and the site's own host.


def test_content_urls_are_not_found_on_the_site_host(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    url = play_url(learner, h5p_lesson, multichoice)
    assert content_get(learner_client, url).status_code == 200
    # The same address on the site's host: packaged code never runs with the site's origin.
    assert learner_client.get(url).status_code == 404
    assert learner_client.get(file_url(learner, h5p_lesson, multichoice)).status_code == 404


def test_the_content_host_sends_every_other_address_to_the_site(client, admin_user):
    client.force_login(admin_user)
    for path in ("/admin/", "/api/v1/courses/", "/", "/learning/?next=/x"):
        response = client.get(path, HTTP_HOST=CONTENT_HOST)
        assert response.status_code == 302, path
        assert response["Location"] == f"http://testserver{path}"
    # The site's own host is unchanged.
    assert client.get("/admin/").status_code == 200


def test_the_content_host_never_sees_the_session_cookie():
    seen = {}

    def view(request):
        seen["cookie"] = request.META.get("HTTP_COOKIE")
        response = HttpResponse("ok")
        response.set_cookie("sessionid", "set-by-content")
        return response

    middleware = ContentOriginMiddleware(view)
    request = RequestFactory().get(
        "/content/h5p/token/play/", HTTP_HOST=CONTENT_HOST, HTTP_COOKIE="sessionid=abc; csrftoken=x"
    )
    response = middleware(request)
    assert seen["cookie"] is None
    assert not response.cookies  # and it cannot set one
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_signed_in_admin_is_nobody_on_the_content_host(client, admin_user, multichoice):
    """The preview runs with a preview token only: the admin's session cookie counts for nothing."""
    client.force_login(admin_user)
    plain = UserFactory(username="plain")
    token = token_for(plain, "h5p.preview", a=multichoice.pk)
    url = reverse("h5p_content:preview", args=[token])
    response = content_get(client, url)
    assert response.status_code == 403  # the token's user may not preview
    assert "Set-Cookie" not in response and not response.cookies
    assert "csrftoken" not in response.content.decode()


def test_the_player_page_carries_no_session_and_no_csrf_token(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    response = content_get(learner_client, play_url(learner, h5p_lesson, multichoice))
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies
    assert "csrf" not in html.lower()
    assert response["Referrer-Policy"] == "no-referrer"
    policy = directives(response["Content-Security-Policy"])
    # Framed only by the site page that asked for it; reaches nothing but its own origin.
    assert policy["frame-ancestors"] == ["http://testserver", "'self'"]
    assert policy["connect-src"] == ["'self'"]


def test_saved_state_takes_the_token_not_the_cookie(
    learner_client, learner, other_learner, enrolled, h5p_lesson, multichoice
):
    """Without a token the learner's own cookie reaches nothing; with another's token, theirs."""
    url = reverse("h5p_content:state", args=["made-up:token", "state", "0"])
    assert content_post(learner_client, url, {"data": "{}"}).status_code == 404
    stranger_token = play_token(other_learner, h5p_lesson, multichoice)  # not enrolled
    url = reverse("h5p_content:state", args=[stranger_token, "state", "0"])
    assert content_post(learner_client, url, {"data": "{}"}).status_code == 403


# Tokens.


def test_a_forged_token_is_not_found(learner_client, learner, enrolled, h5p_lesson, multichoice):
    token = play_token(learner, h5p_lesson, multichoice)
    value, signature = token.rsplit(":", 1)
    forged = f"{value}:{signature[::-1]}"
    assert (
        content_get(learner_client, reverse("h5p_content:play", args=[forged])).status_code == 404
    )
    # A token signed with the right key for another purpose does not open the player either.
    preview = token_for(learner, "h5p.preview", a=multichoice.pk)
    assert (
        content_get(learner_client, reverse("h5p_content:play", args=[preview])).status_code == 404
    )
    # Claims cannot be changed without the key.
    claims = signing.Signer(salt="lms.content.h5p.play").unsign_object(token)
    other = signing.Signer(salt="another").sign_object({**claims, "u": 1})
    assert content_get(learner_client, reverse("h5p_content:play", args=[other])).status_code == 404


def test_a_token_lasts_one_or_two_periods_and_keeps_its_address(
    monkeypatch, learner_client, learner, enrolled, h5p_lesson, multichoice
):
    now = time.time()
    first = play_token(learner, h5p_lesson, multichoice)
    assert play_token(learner, h5p_lesson, multichoice) == first  # the browser cache works
    monkeypatch.setattr(time, "time", lambda: now + content.PERIOD_SECONDS)
    assert play_token(learner, h5p_lesson, multichoice) != first
    url = reverse("h5p_content:play", args=[first])
    assert content_get(learner_client, url).status_code == 200  # the previous period
    monkeypatch.setattr(time, "time", lambda: now + 2 * content.PERIOD_SECONDS)
    assert content_get(learner_client, url).status_code == 404  # expired


def test_a_new_password_revokes_the_tokens(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    url = play_url(learner, h5p_lesson, multichoice)
    learner.set_password("another-long-password-2026")
    learner.save()
    assert content_get(Client(), url).status_code == 404


def test_a_token_reaches_the_one_activity_it_names(
    learner_client, learner, enrolled, h5p_lesson, multichoice, import_real
):
    other = import_real("H5P.TrueFalse")
    mine = play_token(learner, h5p_lesson, multichoice)
    # The token names one lesson and activity: another activity's files are not found.
    url = reverse("h5p_content:file", args=[mine, other.version, "h5p.json"])
    assert content_get(learner_client, url).status_code == 404


def test_scorm_content_takes_a_token_of_its_own_kind(learner_client, learner, enrolled, lessons):
    package = import_scorm(make_zip(scorm12_files()), title="Tiny")
    lesson, block_id = place(lessons[0], package)
    claims = {"l": str(lesson.lesson_uuid), "b": str(block_id), "k": package.pk}
    token = token_for(learner, "scorm.run", **claims)
    file = reverse("scorm_content:content", args=[token, "index.html"])
    assert content_get(learner_client, file).status_code == 200
    assert learner_client.get(file).status_code == 404  # on the site's host
    h5p_token = token_for(learner, "h5p.play", **claims)
    url = reverse("scorm_content:content", args=[h5p_token, "index.html"])
    assert content_get(learner_client, url).status_code == 404
    # A token for the package the block held before it was replaced reaches nothing.
    stale = token_for(learner, "scorm.run", **{**claims, "k": package.pk + 1})
    url = reverse("scorm_content:content", args=[stale, "index.html"])
    assert content_get(learner_client, url).status_code == 404


def test_a_scorm_commit_with_the_session_cookie_but_no_token_stores_nothing(
    learner_client, learner, enrolled, lessons
):
    package = import_scorm(make_zip(scorm12_files()), title="Tiny")
    lesson, _block_id = place(lessons[0], package)
    body = json.dumps({"sco": "item1", "data": {"cmi.core.lesson_status": "passed"}})
    for token in ("made-up:token", ""):
        url = f"/content/scorm/{token}/commit/"
        response = content_post(learner_client, url, body, content_type="application/json")
        assert response.status_code == 404
    assert not sco_attempts().exists()


# The attempt the player opened (statements are posted by the lesson page).


def post(client, lesson, activity, attempt, *items):
    items = items or (statement(scaled=1.0),)
    return client.post(
        reverse("h5p:statements", args=[lesson.lesson_uuid, activity.pk]),
        json.dumps({"statements": list(items), "attempt": attempt}),
        content_type="application/json",
    )


def attempt(user, lesson, activity):
    return content.sign_timed("h5p.attempt", u=user.pk, l=str(lesson.lesson_uuid), a=activity.pk)


def test_the_player_page_issues_the_attempt_token_the_statements_need(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    html = content_get(learner_client, play_url(learner, h5p_lesson, multichoice)).content.decode()
    data = json.loads(re.search(r'id="h5p-player-data"[^>]*>(.*?)</script>', html)[1])
    response = post(learner_client, h5p_lesson, multichoice, data["attempt"])
    assert response.status_code == 200 and response.json()["lesson_completed"] is True


@pytest.mark.parametrize("case", ["missing", "forged", "another learner", "another activity"])
def test_statements_without_this_learners_attempt_are_refused_and_nothing_is_stored(
    learner_client, learner, other_learner, enrolled, h5p_lesson, multichoice, import_real, case
):
    other_activity = import_real("H5P.TrueFalse")
    token = {
        "missing": None,
        "forged": attempt(learner, h5p_lesson, multichoice)[:-3] + "abc",
        "another learner": attempt(other_learner, h5p_lesson, multichoice),
        "another activity": attempt(learner, h5p_lesson, other_activity),
    }[case]
    response = post(learner_client, h5p_lesson, multichoice, token)
    assert response.status_code == 403
    assert response.json()["message"]
    assert not Statement.objects.filter(source="h5p").exists()
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_an_attempt_token_older_than_a_day_is_refused(
    monkeypatch, learner_client, learner, enrolled, h5p_lesson, multichoice
):
    token = attempt(learner, h5p_lesson, multichoice)
    later = time.time() + 24 * 60 * 60 + 5
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert post(learner_client, h5p_lesson, multichoice, token).status_code == 403
    assert not Statement.objects.filter(source="h5p").exists()


# Item 8: every package file carries its own policy.


def test_an_svg_in_an_h5p_package_is_served_sandboxed_whatever_the_sites_policy(
    learner_client, learner, enrolled, make_h5p_lesson, settings
):
    activity = import_h5p(tiny(**{"content/images/drawing.svg": SVG}))
    lesson = make_h5p_lesson(activity)
    # Even a site that weakened its own policy (or dropped django-csp) keeps this one.
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["*", "'unsafe-inline'"]}}
    response = content_get(
        learner_client, file_url(learner, lesson, activity, "content/images/drawing.svg")
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = directives(response["Content-Security-Policy"])
    assert "sandbox" in policy and policy["sandbox"] == []  # no allow-scripts, no origin
    assert policy["default-src"] == ["'none'"]
    assert "script-src" not in policy


def test_scorm_files_carry_a_policy_by_kind(learner_client, learner, enrolled, lessons):
    files = {**scorm12_files(), "drawing.svg": SVG, "notes.txt": "Notes"}
    package = import_scorm(make_zip(files), title="Tiny")
    lesson, block_id = place(lessons[0], package)
    claims = {"l": str(lesson.lesson_uuid), "b": str(block_id), "k": package.pk}
    token = token_for(learner, "scorm.run", **claims)

    def get(name):
        return content_get(learner_client, reverse("scorm_content:content", args=[token, name]))

    for name in ("drawing.svg", "notes.txt"):
        policy = directives(get(name)["Content-Security-Policy"])
        assert policy["sandbox"] == [] and policy["default-src"] == ["'none'"], name
    page = get("index.html")
    policy = directives(page["Content-Security-Policy"])
    assert "sandbox" not in policy  # a SCO finds the runtime in its parent, same origin
    assert policy["frame-ancestors"] == ["http://testserver", "'self'"]
    assert page["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in get("sco.js")  # a script is not a document


# Item 7: files go through the checked views; nginx sends them when told to.


def test_package_files_are_handed_to_the_front_server_after_the_checks(
    learner_client, learner, enrolled, h5p_lesson, multichoice, lessons, settings
):
    settings.LMS = {**settings.LMS, "ACCEL_REDIRECT_PREFIX": "/_protected/"}
    response = content_get(learner_client, file_url(learner, h5p_lesson, multichoice))
    assert response.status_code == 200
    accel = response["X-Accel-Redirect"]
    assert re.fullmatch(r"/_protected/h5p/h5p/[^ ]+/h5p\.json", accel), accel
    assert response.content == b""
    assert response["Content-Type"] == "application/json"
    assert "Content-Security-Policy" in response and response["X-Content-Type-Options"] == "nosniff"

    package = import_scorm(make_zip(scorm12_files()), title="Tiny")
    lesson, block_id = place(lessons[1], package)
    claims = {"l": str(lesson.lesson_uuid), "b": str(block_id), "k": package.pk}
    url = reverse(
        "scorm_content:content", args=[token_for(learner, "scorm.run", **claims), "index.html"]
    )
    response = content_get(learner_client, url)
    assert response["X-Accel-Redirect"] == f"/_protected/media/{package.storage_prefix}/index.html"
    # The checks still come first: a stranger gets nothing handed over.
    stranger = UserFactory(username="stranger")
    url = reverse(
        "scorm_content:content", args=[token_for(stranger, "scorm.run", **claims), "index.html"]
    )
    refused = content_get(Client(), url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


def test_a_name_is_escaped_for_the_front_server(settings):
    from django.core.files.storage import default_storage

    settings.LMS = {**settings.LMS, "ACCEL_REDIRECT_PREFIX": "/_protected/"}
    path = Path(default_storage.path("scorm/packages/x/Golf course é.jpg"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    response = content.serve_file(
        default_storage,
        "scorm/packages/x/Golf course é.jpg",
        area="media",
        claims={"o": "http://testserver"},
        cache_control="private",
    )
    expected = "/_protected/media/scorm/packages/x/Golf%20course%20%C3%A9.jpg"
    assert response["X-Accel-Redirect"] == expected
    assert response["Content-Type"] == "image/jpeg"


def test_nginx_serves_only_public_media_and_keeps_package_files_internal():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    locations = dict(re.findall(r"location\s+(\S+)\s*\{(.*?)\n    \}", conf, re.S))
    # Everything under /media/ is refused unless it is meant to be public.
    assert "deny all" in locations["/media/"] and "alias" not in locations["/media/"]
    assert "alias /srv/media/images/" in locations["/media/images/"]
    for private in ("/_protected/h5p/", "/_protected/media/"):
        assert "internal;" in locations[private], private
        assert "$upstream_http_content_security_policy" in locations[private], private
    assert "/media/scorm/" not in locations


# Without a content origin: an opaque sandbox on the site's host.


def test_without_a_content_origin_frames_get_an_opaque_origin(
    learner_client, learner, enrolled, h5p_lesson, multichoice, settings
):
    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": None}
    html = learner_client.get(h5p_lesson.url).content.decode()
    assert 'sandbox="allow-scripts allow-forms allow-popups allow-downloads"' in html
    assert "allow-same-origin" not in html
    assert 'data-h5p-origin="null"' in html
    play = learner_client.get(play_url(learner, h5p_lesson, multichoice))
    assert play.status_code == 200 and not play.cookies
    policy = directives(play["Content-Security-Policy"])
    assert policy["sandbox"] == ["allow-scripts", "allow-forms", "allow-popups", "allow-downloads"]
    files = learner_client.get(file_url(learner, h5p_lesson, multichoice))
    assert files["Access-Control-Allow-Origin"] == "*"  # an opaque frame reads it; no cookie sent


def test_without_a_content_origin_a_sco_is_not_played_but_an_asset_is_sandboxed(
    learner_client, learner, enrolled, lessons, settings
):
    """A SCO finds its runtime in another frame, out of reach between opaque origins."""
    from tests.scorm.conftest import import_shared

    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": None}
    package = import_scorm(make_zip(scorm12_files()), title="Tiny")
    lesson, block_id = place(lessons[0], package)
    launch = learner_client.get(reverse("scorm:launch", args=[lesson.lesson_uuid, block_id]))
    html = launch.content.decode()
    assert launch.context["config"]["frameSrc"] is None
    assert 'id="scorm-frame"' not in html and "separate address for learning packages" in html

    assets = import_shared("golf_2004_3rd_multi_sco.zip")
    lesson, block_id = place(lessons[1], assets)
    launch = learner_client.get(reverse("scorm:launch", args=[lesson.lesson_uuid, block_id]))
    src = launch.context["config"]["frameSrc"]
    assert src.startswith("http://testserver/content/scorm/") and "/files/" in src
    assert 'sandbox="allow-scripts allow-forms allow-popups allow-downloads"' in (
        launch.content.decode()
    )
    page = content_get(learner_client, src)
    assert page.status_code == 200
    assert directives(page["Content-Security-Policy"])["sandbox"] == [
        "allow-scripts",
        "allow-forms",
        "allow-popups",
        "allow-downloads",
    ]


def test_only_pages_that_frame_content_may_frame_the_content_origin(
    learner_client, enrolled, h5p_lesson, admin_client
):
    lesson = directives(learner_client.get(h5p_lesson.url)["Content-Security-Policy"])
    assert lesson["frame-src"] == ["'self'", "http://content.testserver"]
    admin = directives(admin_client.get("/admin/")["Content-Security-Policy"])
    assert "http://content.testserver" not in admin["frame-src"]


def test_the_system_checks_ask_for_a_content_origin_in_production(settings):
    from lms.checks import check_content_origin, check_content_origin_is_set

    call_command("check", "--fail-level", "WARNING")  # the test settings themselves are clean

    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": None}
    assert [w.id for w in check_content_origin_is_set()] == ["lms.W001"]
    settings.DEBUG = True
    assert check_content_origin_is_set() == []
    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": "http://testserver"}
    assert [e.id for e in check_content_origin()] == ["lms.E002"]
    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": "https://content.example.org/path"}
    assert [e.id for e in check_content_origin()] == ["lms.E001"]
    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": "https://content.example.org"}
    settings.SESSION_COOKIE_DOMAIN = ".example.org"
    assert [e.id for e in check_content_origin()] == ["lms.W002"]
