"""The stand-in for a missing app's block never smuggles in a block the site knows.

Its value is raw JSON from the editor form; stored under its own type, it must
not become a block of an installed type (whose value would then skip that
block's validation, e.g. a paragraph's rich text features).
"""

import json

import pytest
from django.urls import reverse

from courses import packs
from courses.models import LessonPage
from tests.courses.test_unavailable_blocks import PARAGRAPH, edit_form, stored_body
from tests.courses.test_unavailable_blocks import lesson as lesson  # the fixture


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps({"type": "paragraph", "value": "<p><script>alert(1)</script></p>"}),
        json.dumps({"type": "h5p", "value": {"activity": 1}}),  # installed: use its own block
        json.dumps({"type": packs.UNAVAILABLE, "value": {}}),
        json.dumps({"type": "bad type!", "value": {}}),
        json.dumps(["not", "an", "object"]),
        "not json",
    ],
    ids=["core-type", "installed-type", "stand-in", "not-a-name", "not-an-object", "not-json"],
)
def test_an_editor_cannot_store_a_known_or_bad_block_through_the_stand_in(
    admin_client,
    lesson,
    raw,  # noqa: F811
):
    before = stored_body(lesson)
    revisions = lesson.revisions.count()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        edit_form(
            lesson, [("heading", {"text": "Edited", "level": "h2"}), (packs.UNAVAILABLE, raw)]
        ),
    )
    assert response.status_code == 200  # the form comes back with an error
    assert stored_body(lesson) == before
    assert lesson.revisions.count() == revisions
    assert "script" not in json.dumps(stored_body(LessonPage.objects.get(pk=lesson.pk)))
    assert PARAGRAPH in before
