"""Packaged code cannot reach the site: edited real packages try, in Chromium.

An H5P package whose library JavaScript was edited, and a SCORM package with a
script added to one of its pages, try what the outside test's package did:
read the cookies, fetch the admin and the API with the viewer's credentials
and read the answer, write into the lesson page, read the site's
localStorage. Each reports what it managed to the top page with
``postMessage``; the test also watches, from outside, that the lesson page is
unchanged and that no request reached /admin/ or /api/ with the session.
A learner plays them on a lesson, an admin in the preview. The activity still
works: the edited TrueFalse answered correctly completes the lesson.
"""

import io
import zipfile

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from h5p.importing import import_package as import_h5p
from h5p.models import H5PUserData
from lms import services
from lms.models import LessonProgress
from scorm.importing import import_package as import_scorm
from tests.content import token_for
from tests.h5p.packages import SHARED as H5P_SHARED
from tests.helpers import sign_in, site_home
from tests.scorm.packages import SHARED as SCORM_SHARED

pytestmark = pytest.mark.django_db(transaction=True)

ATTACK = """
(function () {
  var site = %(site)r;
  var report = { where: window.location.origin, cookie: document.cookie };
  try { report.storage = Object.keys(window.localStorage); }
  catch (error) { report.storage = "denied: " + error.name; }
  try {
    var note = window.top.document.createElement("p");
    note.id = "written-by-the-package";
    note.textContent = "The package wrote this.";
    window.top.document.body.appendChild(note);
    report.top = "wrote";
  } catch (error) { report.top = "blocked: " + error.name; }
  try { report.topCookie = window.top.document.cookie; }
  catch (error) { report.topCookie = "blocked: " + error.name; }
  function grab(url, key) {
    return fetch(url, { credentials: "include" }).then(function (response) {
      return response.text().then(function (text) {
        report[key] = "read " + response.status + ": " + text.slice(0, 300);
      });
    }, function (error) { report[key] = "failed: " + error.name; });
  }
  Promise.all([
    grab(site + "/admin/", "admin"),
    grab(site + "/api/v1/enrolments/", "api"),
    grab("/admin/", "adminHere"),
  ]).then(function () {
    window.top.postMessage({ packageReport: report }, "*");
  });
})();
"""

# The top page keeps what packages report (an init script: the site's CSP allows no inline code).
COLLECT = """
if (window === window.top) {
  window.packageReports = [];
  window.addEventListener("message", function (event) {
    if (event.data && event.data.packageReport) {
      window.packageReports.push({ origin: event.origin, report: event.data.packageReport });
    }
  });
}
"""


def edited(path, **changes):
    """A real package with some members changed (a function of the old bytes) or added."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    for name, change in changes.items():
        members[name] = change(members[name]) if callable(change) else change
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    buffer.seek(0)
    buffer.name = path.name
    return buffer


def attack(site):
    return (ATTACK % {"site": site}).encode()


@pytest.fixture
def course(live_server):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    ModulePageFactory(parent=course, title="Practice", slug="practice")
    return course


@pytest.fixture
def admin(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def watched(page):
    """The page, with package reports collected and requests to the site's admin and API kept."""
    page.add_init_script(COLLECT)
    requests = []

    def keep(request):
        if "/admin/" in request.url or "/api/" in request.url:
            requests.append((request.url, request.header_value("cookie") or ""))

    page.on("request", keep)
    page.requests_to_the_site = requests
    return page


def reports(page, count=1):
    page.wait_for_function(f"() => window.packageReports.length >= {count}", timeout=20_000)
    return page.evaluate("() => window.packageReports")


def assert_contained(page, found, content_origin):
    assert found["origin"] == content_origin
    report = found["report"]
    assert report["where"] == content_origin
    assert "sessionid" not in report["cookie"] and "csrftoken" not in report["cookie"]
    assert "site-secret" not in str(report["storage"])
    assert report["top"].startswith("blocked"), report["top"]
    assert report["topCookie"].startswith("blocked"), report["topCookie"]
    for key in ("admin", "api", "adminHere"):
        assert report[key].startswith("failed"), (key, report[key])
    expect(page.locator("#written-by-the-package")).to_have_count(0)
    carried = [url for url, cookie in page.requests_to_the_site if "sessionid" in cookie]
    assert carried == [], carried


def remember_a_secret(page, live_server):
    page.goto(f"{live_server.url}/")
    page.evaluate("() => localStorage.setItem('site-secret', 'only the site may read this')")


def h5p_lesson_with_a_learner(course, activity, title):
    """A lesson of ``course`` holding ``activity`` (passed to complete), and an enrolled teacher."""
    value = {"activity": activity.pk, "completion": "passed", "min_score": None, "required": True}
    lesson = LessonPageFactory(
        parent=course.get_children().first(),
        title=title,
        slug=title.lower(),
        body=[{"type": "h5p", "value": value}],
    )
    learner = UserFactory(username="teacher")
    services.enrol(learner, course)
    return lesson, learner


def test_edited_h5p_library_code_reaches_nothing_of_the_site_and_the_activity_still_works(
    watched, live_server, course, admin, content_origin
):
    page = watched
    library = "H5P.TrueFalse-1.6/scripts/h5p-true-false.js"
    package = edited(
        H5P_SHARED / "H5P.TrueFalse.h5p",
        **{library: lambda code: attack(live_server.url) + code},
    )
    activity = import_h5p(package, title="Oslo", user=admin)  # installing code is an admin's act
    lesson, learner = h5p_lesson_with_a_learner(course, activity, "Capitals")
    sign_in(page, live_server, learner)
    remember_a_secret(page, live_server)

    page.goto(f"{live_server.url}{lesson.url}")
    content = page.frame_locator("iframe[data-h5p-frame]").frame_locator("iframe.h5p-iframe")
    expect(content.get_by_text("Oslo is the capital of Norway.")).to_be_visible(timeout=15_000)
    assert_contained(page, reports(page)[0], content_origin)

    # The package still does its job: the right answer completes the lesson.
    content.get_by_role("radio", name="Yes").click()
    content.get_by_role("button", name="Check").click()
    expect(page.locator("[data-h5p-status]")).to_contain_text("100%", timeout=15_000)
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None and progress.best_score == 1.0

    # An admin previewing it: the preview runs on the content origin with a preview token.
    page.context.clear_cookies()
    sign_in(page, live_server, admin)
    page.goto(f"{live_server.url}{reverse('h5p:preview', args=[activity.pk])}")
    expect(page.get_by_text("Preview: nothing is recorded.")).to_be_visible()
    assert_contained(page, reports(page)[0], content_origin)


def test_a_script_added_to_a_scorm_page_reaches_nothing_of_the_site(
    watched, live_server, course, content_origin
):
    page = watched
    script = b"<head><script>" + attack(live_server.url) + b"</script>"
    package = edited(
        SCORM_SHARED / "golf_2004_3rd_advanced_runtime.zip",
        **{"shared/launchpage.html": lambda html: html.replace(b"<head>", script, 1)},
    )
    package = import_scorm(package, title="Golf")
    lesson = LessonPageFactory(
        parent=course.get_children().first(),
        title="Golf",
        slug="golf",
        body=[{"type": "scorm", "value": {"package": package.pk, "required": True}}],
    )
    learner = UserFactory(username="teacher")
    services.enrol(learner, course)
    sign_in(page, live_server, learner)
    remember_a_secret(page, live_server)

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("link", name="Open the activity").click()
    assert_contained(page, reports(page)[0], content_origin)
    # The package still finds its runtime in its parent window.
    sco = page.frame_locator("#scorm-frame").frame_locator("#sco-frame")
    expect(sco.frame_locator("#contentFrame").locator("body")).to_contain_text(
        "golf", ignore_case=True, timeout=10_000
    )


def test_an_svg_with_a_script_opened_on_its_own_runs_nothing(
    page, live_server, course, admin, content_origin
):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
        b"<script>document.documentElement.setAttribute('data-ran', 'yes');"
        b"console.log('the svg script ran')</script>"
        b'<rect width="40" height="40" fill="teal"/></svg>'
    )
    package = edited(H5P_SHARED / "H5P.TrueFalse.h5p", **{"content/images/drawing.svg": svg})
    activity = import_h5p(package, title="Drawing", user=admin)
    lesson, learner = h5p_lesson_with_a_learner(course, activity, "Drawing")
    token = token_for(learner, "h5p.play", l=str(lesson.lesson_uuid), a=activity.pk)
    path = reverse("h5p_content:file", args=[token, activity.version, "content/images/drawing.svg"])
    logged = []
    page.on("console", lambda message: logged.append(message.text))
    response = page.goto(content_origin + path)
    assert response.status == 200 and response.headers["content-type"] == "image/svg+xml"
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.documentElement.getAttribute('data-ran')") is None
    assert "the svg script ran" not in logged


def test_without_a_content_origin_h5p_plays_in_an_opaque_sandbox(
    page, live_server, course, settings
):
    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": None}
    settings.H5P = {"SAVE_SECONDS": 1}
    with open(H5P_SHARED / "H5P.TrueFalse.h5p", "rb") as fileobj:
        activity = import_h5p(fileobj, title="Oslo")
    lesson, learner = h5p_lesson_with_a_learner(course, activity, "Capitals")
    sign_in(page, live_server, learner)

    page.goto(f"{live_server.url}{lesson.url}")
    frame = page.locator("iframe[data-h5p-frame]")
    assert "allow-same-origin" not in frame.get_attribute("sandbox")
    # The content is drawn in the player page itself (a frame of its own would
    # get another opaque origin, out of the player's reach).
    content = page.frame_locator("iframe[data-h5p-frame]")
    content.get_by_role("radio", name="Yes").click()
    content.get_by_role("button", name="Check").click()
    expect(page.locator("[data-h5p-status]")).to_contain_text("100%", timeout=15_000)
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    player = next(f for f in page.frames if "/content/h5p/" in f.url)
    assert player.evaluate("() => window.origin") == "null"
    # Its saved state reaches the site's host without a cookie (CORS, token in the URL).
    for _attempt in range(120):
        if H5PUserData.objects.filter(learner=learner, activity=activity).exists():
            break
        page.wait_for_timeout(250)
    assert H5PUserData.objects.filter(learner=learner, activity=activity).exists()
