"""A teacher plays a SCORM 1.2 package in the browser; the lesson completes with its score."""

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
from lms import services
from lms.models import CompletionRule, LessonProgress
from scorm.importing import import_package
from scorm.models import ScormAttempt
from tests.helpers import sign_in, site_home
from tests.scorm.packages import scorm12_zip

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scorm_course(live_server):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    package = import_package(scorm12_zip(), title="Tiny SCORM")
    lesson = LessonPageFactory(
        parent=module,
        title="Play the package",
        slug="play",
        completion_rule=CompletionRule.ON_PASS,
        body=[{"type": "scorm", "value": {"package": package.pk, "required": True}}],
    )
    return course, lesson


def test_a_teacher_plays_a_scorm_12_package_and_completes_the_lesson_with_its_score(
    page, live_server, scorm_course, screenshot
):
    course, lesson = scorm_course
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("link", name="Open the activity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tiny SCORM")
    sco = page.frame_locator("#scorm-frame")
    expect(sco.locator("#state")).to_have_text("Entry: ab-initio; location: ", timeout=10_000)
    sco.get_by_role("button", name="Finish with 85%").click()
    expect(sco.locator("#state")).to_have_text("Finished")
    screenshot("scorm-finished")

    attempt = ScormAttempt.objects.get(learner=teacher)
    assert (attempt.success_status, attempt.score_raw, attempt.location) == ("passed", 85, "page-3")
    progress = LessonProgress.objects.get(learner=teacher, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None
    assert progress.best_score == pytest.approx(0.85)

    page.get_by_role("link", name="Back to the lesson “Play the package”").click()
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    expect(page.get_by_text("Your score: 85% – passed")).to_be_visible()

    # Launching again resumes where the learner stopped.
    page.get_by_role("link", name="Continue the activity").click()
    expect(page.frame_locator("#scorm-frame").locator("#state")).to_have_text(
        "Entry: resume; location: page-3", timeout=10_000
    )


def shared_lesson(course, archive, slug):
    from django.core.files import File

    from tests.scorm.conftest import shared_package

    with open(shared_package(archive), "rb") as handle:
        package = import_package(File(handle, name=archive))
    module = course.get_children().first()
    return LessonPageFactory(
        parent=module,
        title=f"Golf {slug}",
        slug=slug,
        body=[{"type": "scorm", "value": {"package": package.pk, "required": True}}],
    )


def test_the_2004_samples_run_under_the_runtime_with_multi_sco_navigation(
    page, live_server, scorm_course, axe
):
    course, _lesson = scorm_course
    advanced = shared_lesson(course.specific, "golf_2004_3rd_advanced_runtime.zip", "advanced")
    multi = shared_lesson(course.specific, "golf_2004_3rd_multi_sco.zip", "multi")
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    refused = []

    def note_refusal(message):
        if "Content Security" in message.text:
            refused.append(message.text)

    page.on("console", note_refusal)
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}{advanced.url}")
    page.get_by_role("link", name="Open the activity").click()
    # The SCO finds API_1484_11 on the launch page and initialises it.
    page.wait_for_function("() => window.API_1484_11 && window.API_1484_11.isInitialized()")
    assert page.evaluate("() => window.API_1484_11.GetValue('cmi.entry')") == "ab-initio"
    assert axe() == [], "SCORM launch page"

    # Leaving lets the SCO's last commit land first (SQLite locks tables, PostgreSQL does not).
    page.goto("about:blank")
    page.wait_for_timeout(500)
    block_id = multi.body[0].id
    page.goto(f"{live_server.url}{reverse('scorm:launch', args=[multi.lesson_uuid, block_id])}")
    nav = page.get_by_role("navigation", name="Parts of this activity")
    expect(nav.get_by_role("link")).to_have_count(18)
    nav.get_by_role("link", name="Avoiding Distraction").click()
    expect(nav.get_by_role("link", name="Avoiding Distraction")).to_have_attribute(
        "aria-current", "page"
    )
    frame_src = page.locator("#scorm-frame").get_attribute("src")
    assert frame_src.endswith("/files/Etiquette/Distracting.html")
    # An asset is done once opened; the launch page marks it.
    page.reload()
    expect(nav.get_by_role("listitem").filter(has_text="Avoiding Distraction")).to_contain_text(
        "done"
    )
    assert refused == []
