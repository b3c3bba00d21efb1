"""What is on screen: titled H5P frames, report downloads in sight, the password page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from courses.roles import TRAINERS, ensure_authoring_roles
from h5p.importing import import_package
from lms import services
from lms.models import Cohort
from tests.h5p.packages import SHARED
from tests.helpers import sign_in, site_home

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def course():
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    return CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")


def test_every_frame_of_an_h5p_lesson_has_a_title(page, live_server, course):
    with open(SHARED / "H5P.MultiChoice.h5p", "rb") as fileobj:
        activity = import_package(fileobj, title="Blackcurrants")
    module = ModulePageFactory(parent=course, title="Practice", slug="practice")
    block = {"activity": activity.pk, "completion": "passed", "min_score": None, "required": True}
    lesson = LessonPageFactory(
        parent=module, title="Try it", slug="try-it", body=[{"type": "h5p", "value": block}]
    )
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    sign_in(page, live_server, teacher)
    page.goto(f"{live_server.url}{lesson.url}")
    content = page.frame_locator("iframe[data-h5p-frame]").frame_locator("iframe.h5p-iframe")
    expect(content.get_by_text("Very dark purple")).to_be_visible(timeout=15_000)
    frames = [frame for frame in page.frames if frame != page.main_frame]
    assert len(frames) >= 2  # the content frame and the player's own frame inside it
    for frame in frames:
        title = frame.frame_element().get_attribute("title")
        assert title and title.strip(), frame.url


def test_the_completion_by_cohort_downloads_are_in_sight(page, live_server, course):
    ensure_authoring_roles(course.get_parent())
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    cohort = Cohort.objects.create(name="Guba in-service", programme="inclusive-education")
    cohort.courses.add(course)
    cohort.trainers.add(trainer)
    sign_in(page, live_server, trainer)
    for width in (DESKTOP, {"width": 390, "height": 844}):
        page.set_viewport_size(width)
        page.goto(f"{live_server.url}{reverse('lms_reports:by_cohort')}")
        expect(page.get_by_role("cell", name="Guba in-service")).to_be_visible()
        for label in ("Download CSV", "Download XLSX"):
            expect(page.get_by_role("link", name=label)).to_be_visible()


def test_a_learner_changes_their_password_on_the_sites_page(page, live_server, axe):
    site_home()
    learner = UserFactory(username="aysel")
    sign_in(page, live_server, learner)
    page.goto(f"{live_server.url}{reverse('lms:dashboard')}")
    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", name="Change your password")).to_be_visible()
    expect(page.locator("a[href^='/django-admin/']")).to_have_count(0)
    expect(page).to_have_title("Change your password · Teacher Learning Platform")
    old, new, again = (
        page.get_by_label(re.compile(rf"^{label}:?$"))
        for label in ("Old password", "New password", "New password confirmation")
    )
    for field in (old, new, again):
        expect(field).to_be_visible()
    assert axe() == []
    old.fill("correct-horse-battery-staple")
    new.fill("a-longer-new-passphrase-2026")
    again.fill("a-longer-new-passphrase-2026")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_role("heading", name="Your password has been changed")).to_be_visible()
