"""A teacher plays the real H5P MultiChoice package in Chromium and the lesson completes."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from h5p.importing import import_package
from h5p.models import H5PUserData
from lms import services
from lms.models import LessonProgress
from tests.h5p.packages import SHARED
from tests.helpers import sign_in, site_home

pytestmark = pytest.mark.django_db(transaction=True)


def saves_the_answer(response):
    """The player's state save (POST .../state/state/...) that holds a chosen answer."""
    request = response.request
    return (
        request.method == "POST"
        and "/state/state/" in response.url
        and "answers" in (request.post_data or "")
    )


def test_a_teacher_answers_an_h5p_question_and_the_lesson_completes_with_the_score(
    page, live_server, screenshot, settings
):
    settings.H5P = {"SAVE_SECONDS": 1}
    with open(SHARED / "H5P.MultiChoice.h5p", "rb") as fileobj:
        activity = import_package(fileobj, title="Blackcurrants")
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Practice", slug="practice")
    body = [
        {
            "type": "h5p",
            "value": {
                "activity": activity.pk,
                "completion": "passed",
                "min_score": None,
                "required": True,
            },
        }
    ]
    lesson = LessonPageFactory(parent=module, title="Try it", slug="try-it", body=body)
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}{lesson.url}")
    # Only the activity completes this lesson: no "Mark as complete", a hint instead.
    hint = page.get_by_text("Finish the activity above to complete this lesson.")
    expect(hint).to_be_visible()
    expect(page.get_by_role("button", name="Mark as complete")).to_have_count(0)
    expect(page.get_by_text("You have completed this lesson.")).to_be_hidden()
    content = page.frame_locator("iframe[data-h5p-frame]").frame_locator("iframe.h5p-iframe")
    # The player saves its state for the learner (H5P's user-data calls) every
    # second; the first save that holds the answer is awaited, and it must be
    # stored at once, not answered "busy" (503) to be tried again.
    with page.expect_response(saves_the_answer, timeout=30_000) as state_saved:
        content.get_by_text("Very dark purple").click()
        content.get_by_role("button", name="Check").click()

        expect(page.locator("[data-h5p-status]")).to_contain_text("100%", timeout=15_000)
        expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
        expect(hint).to_be_hidden()
    screenshot("h5p-multichoice-done")
    progress = LessonProgress.objects.get(learner=teacher, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None and progress.best_score == 1.0
    assert not [e for e in errors if "Content Security Policy" in e], errors

    assert state_saved.value.status == 200
    saved = H5PUserData.objects.get(learner=teacher, activity=activity, data_type="state")
    assert "answers" in saved.data

    # Reloading the lesson resumes: the earlier answer is still chosen and checked.
    page.reload()
    content = page.frame_locator("iframe[data-h5p-frame]").frame_locator("iframe.h5p-iframe")
    chosen = content.get_by_role("radio", name="Very dark purple")
    expect(chosen).to_have_attribute("aria-checked", "true", timeout=15_000)
    screenshot("h5p-multichoice-resumed")
