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


def test_captions_left_in_the_page_language_name_the_language_of_the_page_they_are_on(lessons):
    from wagtail.models import Locale

    captions = document("clip.vtt")
    block, value = video(file=document("clip.mp4").pk, captions=captions.pk, captions_language="")
    lesson = lessons[0]
    assert 'srclang="en"' in block.render(value, context={"page": lesson})
    lesson.locale = Locale.objects.get(language_code="ru")
    rendered = block.render(value, context={"page": lesson})
    assert 'srclang="ru"' in rendered and 'label="Русский"' in rendered
    # A language chosen for the captions stays whatever the page's.
    block, value = video(file=document("clip.mp4").pk, captions=captions.pk)
    assert 'srclang="az"' in block.render(value, context={"page": lesson})


def test_a_lesson_with_a_video_file_is_translated_with_its_captions_overridden(lessons):
    """wagtail-localize extracts a video file's lesson (its empty embed URL once broke it)
    and lets each translation show its own video file and captions."""
    import json

    from wagtail.models import Locale
    from wagtail_localize.models import (
        OverridableSegment,
        SegmentOverride,
        Translation,
        TranslationSource,
    )

    lesson = lessons[0]
    english = (document("clip.mp4"), document("clip.vtt"))
    russian = (document("clip-ru.mp4"), document("clip-ru.vtt"))
    lesson.body = [
        {
            "type": "video",
            "value": {
                "title": "Co-teaching in Guba",
                "embed": "",
                "file": english[0].pk,
                "captions": english[1].pk,
                "captions_language": "",
                "transcript": "<p>Two teachers, one class.</p>",
            },
        }
    ]
    lesson.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(lesson)
    overridable = {
        segment.context.path.rsplit(".", 1)[1]: segment
        for segment in OverridableSegment.objects.filter(source=source).select_related("context")
    }
    assert sorted(overridable) == ["captions", "file"]
    ru = Locale.objects.get(language_code="ru")
    for name, replacement in zip(("file", "captions"), russian, strict=True):
        SegmentOverride.objects.create(
            locale=ru, context=overridable[name].context, data_json=json.dumps(replacement.pk)
        )
    translation = Translation.objects.create(source=source, target_locale=ru)
    translation.save_target(publish=False)
    translated = lesson.get_translation(ru).specific.get_latest_revision_as_object()
    (value,) = [block.value for block in translated.body]
    assert (value["file"], value["captions"]) == russian
    assert value["embed"] is None
    # Translated, the English words stay until a translator gives theirs.
    assert str(value["transcript"]) == "<p>Two teachers, one class.</p>"
