"""Lesson blocks refuse content that would shut some learners out."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.blocks import ImageBlock

from courses.blocks import VideoBlock

pytestmark = pytest.mark.django_db


def document(name):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n"), save=True)
    return doc


def video(**values):
    block = VideoBlock()
    return block, block.to_python(
        {"title": "Co-teaching in Guba", "captions_language": "az", **values}
    )


def test_a_video_needs_captions_or_a_transcript():
    block, value = video(file=document("clip.mp4").pk)
    with pytest.raises(ValidationError):
        block.clean(value)


def test_a_video_with_captions_is_accepted():
    block, value = video(file=document("clip.mp4").pk, captions=document("clip.vtt").pk)
    assert block.clean(value)["captions"].title == "clip.vtt"


def test_a_video_with_a_transcript_is_accepted():
    block, value = video(file=document("clip.mp4").pk, transcript="<p>Everything said.</p>")
    assert block.clean(value)


def test_captions_must_be_webvtt():
    block, value = video(file=document("clip.mp4").pk, captions=document("clip.srt").pk)
    with pytest.raises(ValidationError):
        block.clean(value)


def test_a_video_needs_exactly_one_source():
    block, value = video(transcript="<p>Words.</p>")
    with pytest.raises(ValidationError):
        block.clean(value)


def test_an_image_needs_alt_text_unless_marked_decorative():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Class", file=get_test_image_file())
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "decorative": False, "alt_text": ""}))
    assert block.clean(block.to_python({"image": image.pk, "decorative": True, "alt_text": ""}))
    assert block.clean(
        block.to_python({"image": image.pk, "decorative": False, "alt_text": "Pupils"})
    )
