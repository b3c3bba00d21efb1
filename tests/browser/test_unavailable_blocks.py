"""A lesson keeps the block of an app the site does not have: editors see it, learners a notice."""

import re

from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses import packs
from courses.factories import LessonPageFactory, ModulePageFactory
from courses.models import LessonPage
from tests.courses.test_unavailable_blocks import H5P, NOTICE, PARAGRAPH, stored_body, without_block


def test_an_editor_sees_and_keeps_the_block_of_a_missing_app(page, live_server, course):
    UserFactory(username="editor", is_superuser=True, is_staff=True)
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module, body=[])
    LessonPage.objects.filter(pk=lesson.pk).update(body=[PARAGRAPH, H5P])

    with without_block("h5p"):
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill("correct-horse-battery-staple")
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
        missing = page.get_by_text("comes from an app or module pack that is not installed")
        expect(missing).to_be_visible()

        # The block menu offers the site's blocks, never the stand-in.
        page.locator("button.c-sf-add-button").last.click()
        expect(page.get_by_role("option", name="Heading", exact=True)).to_be_visible()
        expect(page.get_by_role("option", name="Not available on this site")).to_be_hidden()
        page.keyboard.press("Escape")

        page.locator("#id_title").fill("Kept after saving")
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("Save draft")).click()
        draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
        assert draft.title == "Kept after saving"
        draft.save_revision().publish()
        assert stored_body(lesson)[1] == {**H5P, "id": stored_body(lesson)[1]["id"]}

        page.goto(live_server.url + LessonPage.objects.get(pk=lesson.pk).url)
        expect(page.get_by_text(NOTICE)).to_be_visible()
        expect(page.get_by_text("Core text stays.")).to_be_visible()
    assert packs.UNAVAILABLE not in str(stored_body(lesson))
