"""A site without one of the activity apps keeps its lesson blocks and says they are unavailable.

``courses.packs.unregister_block`` acts as if the app were not installed (as
the module pack tests do): the lesson renders, its editor opens, learners see
a notice in the block's place, and saving the lesson again, from the editor or
from code, keeps the block's type and value as stored.
"""

import json
from contextlib import contextmanager

import pytest
from django.db.models import TextField
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses import packs
from courses.factories import LessonPageFactory, ModulePageFactory
from courses.models import LessonPage

NOTICE = "This activity is not available on this site."
H5P = {
    "type": "h5p",
    "value": {"activity": 4242, "completion": "passed", "min_score": None, "required": True},
    "id": "6a0e7f43-2f0b-4f57-9a53-0c1b6c1f0b11",
}
PARAGRAPH = {"type": "paragraph", "value": "<p>Core text stays.</p>", "id": "p-1"}


@contextmanager
def without_block(name):
    block = packs.registered_blocks(packs.LESSON_BODY)[name]
    counts = packs.registered_block_counts(packs.LESSON_BODY).get(name, {})
    packs.unregister_block(packs.LESSON_BODY, name)
    try:
        yield
    finally:
        packs.register_lesson_block(name, block, **counts)


@pytest.fixture
def lesson(course):
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module, body=[])
    LessonPage.objects.filter(pk=lesson.pk).update(body=[PARAGRAPH, H5P])
    return LessonPage.objects.get(pk=lesson.pk)


def stored_body(lesson):
    """The body as the database holds it, read past the field."""
    rows = LessonPage.objects.filter(pk=lesson.pk).annotate(stored=Cast("body", TextField()))
    return json.loads(rows.values_list("stored", flat=True).get())


def edit_form(lesson, body):
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": "",
            "body": streamfield(body),
            "estimated_minutes": 10,
            "required": "on",
            "completion_rule": lesson.completion_rule,
            "min_score_percent": "",
            "comments": inline_formset([]),
        }
    )


def stand_in(child):
    return json.dumps({"type": child["type"], "value": child["value"]})


def test_a_learner_sees_the_missing_activity_as_unavailable(client, learner, enrolled, lesson):
    client.force_login(learner)
    with without_block("h5p"):
        response = client.get(lesson.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Core text stays." in content
    assert NOTICE in content
    response = client.get(lesson.url)  # the app is back: the activity, not the notice
    assert NOTICE not in response.content.decode()


def test_the_editor_opens_and_shows_the_block_without_offering_it(admin_client, lesson):
    with without_block("h5p"):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert packs.UNAVAILABLE in content  # the stream knows the stand-in and its stored JSON
    assert "extensible-stream-block.js" in content
    body = LessonPage._meta.get_field("body").stream_block
    offered = {block.name for _group, blocks in body.grouped_child_blocks() for block in blocks}
    assert packs.UNAVAILABLE not in offered


def test_saving_from_the_editor_keeps_the_missing_block(admin_client, lesson):
    body = [
        ("heading", {"text": "Core heading", "level": "h2"}),
        (packs.UNAVAILABLE, stand_in(H5P)),
    ]
    with without_block("h5p"):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[lesson.pk]), edit_form(lesson, body)
        )
        assert response.status_code == 302, response.context["form"].errors
        draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision()
        kept = [child for child in json.loads(draft.content["body"]) if child["type"] == "h5p"]
        assert [child["value"] for child in kept] == [H5P["value"]]
        draft.publish()
    stored = stored_body(lesson)
    assert [child["type"] for child in stored] == ["heading", "h5p"]
    assert stored[1]["value"] == H5P["value"]
    assert LessonPage.objects.get(pk=lesson.pk).body[1].block_type == "h5p"


def test_saving_a_revision_from_code_keeps_the_missing_block(lesson):
    with without_block("h5p"):
        page = LessonPage.objects.get(pk=lesson.pk)
        assert page.body.unavailable_types == ["h5p"]
        assert [child.block_type for child in page.body] == ["paragraph", packs.UNAVAILABLE]
        page.title = "Renamed"
        page.save_revision().publish()
        as_object = page.get_latest_revision_as_object()
        assert as_object.body[1].value.block_type == "h5p"
    assert stored_body(lesson) == [PARAGRAPH, H5P]
    revision = LessonPage.objects.get(pk=lesson.pk).get_latest_revision()
    assert json.loads(revision.content["body"])[1] == H5P


def test_a_lesson_with_every_app_installed_holds_no_stand_in(lesson):
    assert [child.block_type for child in lesson.body] == ["paragraph", "h5p"]
    assert lesson.body.unavailable_types == []
