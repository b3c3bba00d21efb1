"""Under the site's Content Security Policy the learner pages and the Wagtail admin still work.

Every page load records the browser's ``securitypolicyviolation`` events;
the tests expect none, and that editing, previewing and learning still do
what they should.
"""

import pytest
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from courses.models import LessonPage
from lms import services
from lms.models import Enrolment
from tests.helpers import sign_in, site_home

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__csp.push(event.violatedDirective + " " + event.blockedURI + " " + event.sourceFile);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)

    def violations():
        return page.evaluate("window.__csp || []")

    return violations


@pytest.fixture
def course(live_server):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    LessonPageFactory(parent=module, title="Article 24", slug="article-24")
    LessonPageFactory(parent=module, title="What inclusion means", slug="meaning")
    return course


def test_an_editor_edits_previews_and_saves_a_lesson_with_no_policy_violation(
    page, live_server, course, watched
):
    UserFactory(username="editor", is_superuser=True, is_staff=True)
    lesson = LessonPage.objects.get(slug="article-24")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert watched() == []

    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    page.locator("#id_title").fill("Article 24 of the UNCRPD")
    page.get_by_role("button", name="Toggle preview").click()
    expect(page.frame_locator("iframe[title='Preview']").last.locator("h1")).to_contain_text(
        "Article 24 of the UNCRPD", timeout=15_000
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    assert LessonPage.objects.get(pk=lesson.pk).get_latest_revision().content["title"] == (
        "Article 24 of the UNCRPD"
    )
    for path in ("/admin/users/", "/admin/reports/site-history/", "/admin/pages/"):
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert watched() == []


def test_a_learner_learns_with_no_policy_violation(page, live_server, course, watched):
    learner = UserFactory(username="aysel")
    services.enrol(learner, course)
    sign_in(page, live_server, learner)
    page.goto(f"{live_server.url}{course.url}")
    page.goto(f"{live_server.url}{LessonPage.objects.get(slug='article-24').url}")
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("What inclusion means")
    page.goto(f"{live_server.url}/learning/")
    page.goto(f"{live_server.url}/courses/")
    assert Enrolment.objects.get(learner=learner).lessons_completed == 1
    assert watched() == []
