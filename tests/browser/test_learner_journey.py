"""A teacher enrols, reads lessons to the end and sees the course complete, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from lms.models import Enrolment
from tests.helpers import sign_in, site_home

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site_course(live_server):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    long_body = [
        {"type": "paragraph", "value": f"<p>Paragraph {n}: every child learns side by side.</p>"}
        for n in range(60)
    ]
    LessonPageFactory(parent=module, title="Article 24", slug="article-24", body=long_body)
    LessonPageFactory(parent=module, title="Universal design", slug="udl")
    return course


def test_a_teacher_enrols_reads_to_the_end_and_completes_the_course(
    page, live_server, site_course, screenshot
):
    teacher = UserFactory(username="teacher")
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}/courses/")
    page.get_by_role("link", name="Inclusive classrooms").click()
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Article 24")
    expect(page.get_by_role("button", name="Mark as complete")).to_be_visible()
    screenshot("lesson-desktop")

    # Reading to the end completes the lesson in the background, without a reload.
    page.locator("#lesson-end").scroll_into_view_if_needed()
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("button", name="Mark as complete")).to_be_hidden()
    expect(page.locator("#course-progress")).to_have_attribute("value", "50")

    page.get_by_role("link", name=re.compile("Next: Universal design")).click()
    page.get_by_role("button", name="Mark as complete").click()

    expect(
        page.get_by_text(re.compile("You have completed “Inclusive classrooms”"))
    ).to_be_visible()
    expect(page.get_by_text(re.compile("Completed on"))).to_be_visible()
    screenshot("course-completed")
    assert Enrolment.objects.get(learner=teacher).completed_at is not None

    page.get_by_role("link", name="My learning").click()
    completed = page.get_by_role("region", name="Completed")
    expect(completed.get_by_role("link", name="Inclusive classrooms", exact=True)).to_be_visible()
    with page.expect_download() as download:
        completed.get_by_role("link", name=re.compile("Certificate")).click()
    assert download.value.suggested_filename.startswith("certificate-")


def test_a_visitor_must_sign_in_before_reading_a_lesson(page, live_server, site_course):
    page.goto(f"{live_server.url}/courses/inclusive/rights/article-24/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
