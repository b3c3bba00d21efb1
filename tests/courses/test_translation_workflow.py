"""Trainers translate a course with wagtail-localize, see what went out of date, and
publish each language on its own (issue 21)."""

import polib
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from accounts.factories import UserFactory
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(username="editor", is_superuser=True, is_staff=True))
    return client


def locale(code):
    return Locale.objects.get(language_code=code)


def translated(po, texts):
    for entry in po:
        if entry.msgid in texts:
            entry.msgstr = texts[entry.msgid]
    return po


def submit(editor_client, course, *codes):
    response = editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [locale(code).pk for code in codes], "include_subtree": "on"},
    )
    assert response.status_code == 302
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(course), target_locale=locale(codes[0])
    )


def test_submitting_a_course_translates_it_with_its_modules_and_lessons(
    editor_client, course, lessons
):
    submit(editor_client, course, "ru")
    russian = course.get_translation(locale("ru"))
    assert russian.translation_key == course.translation_key
    assert LessonPage.objects.filter(locale=locale("ru")).count() == len(
        LessonPage.objects.descendant_of(course)
    )


def test_a_translation_imported_as_po_is_published_in_its_language(
    editor_client, course, django_capture_on_commit_callbacks
):
    translation = submit(editor_client, course, "ru")
    translation.import_po(translated(translation.export_po(), {course.title: "Инклюзивные классы"}))
    with django_capture_on_commit_callbacks(execute=True):  # it publishes on commit
        translation.save_target(publish=True)
    russian = CoursePage.objects.get(translation_key=course.translation_key, locale=locale("ru"))
    assert russian.live and russian.title == "Инклюзивные классы"
    # The editor offers the PO file of the translation for download.
    page = editor_client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk]))
    assert page.status_code == 200
    download = editor_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    assert "Инклюзивные классы" in download.content.decode()


def test_a_changed_source_leaves_the_translation_out_of_date_until_translated(
    editor_client, course
):
    translation = submit(editor_client, course, "ru")
    po = translation.export_po()
    translation.import_po(translated(po, {entry.msgid: f"[ru] {entry.msgid}" for entry in po}))
    assert translation.get_status_display() == "Up to date"

    course.summary = "A new summary the translators have not seen."
    course.save_revision().publish()
    TranslationSource.objects.get_for_instance(course).update_from_db()

    total, done = translation.get_progress()
    assert done == total - 1
    assert translation.get_status_display() == "Waiting for translations"
    missing = [entry.msgid for entry in translation.export_po() if not entry.msgstr]
    assert missing == ["A new summary the translators have not seen."]


def test_each_language_is_published_on_its_own(
    editor_client, course, django_capture_on_commit_callbacks
):
    russian = submit(editor_client, course, "ru", "az")
    azerbaijani = Translation.objects.get(source=russian.source, target_locale=locale("az"))
    with django_capture_on_commit_callbacks(execute=True):
        russian.save_target(publish=True)
        azerbaijani.save_target(publish=False)
    by_locale = {
        page.locale.language_code: page
        for page in CoursePage.objects.filter(translation_key=course.translation_key)
    }
    assert by_locale["ru"].live
    assert not by_locale["az"].live or by_locale["az"].has_unpublished_changes


def test_a_trainer_without_the_permission_cannot_submit_translations(client, course):
    trainer = UserFactory(username="trainer", is_staff=True)
    trainer.groups.add(Group.objects.get_or_create(name="Trainers")[0])
    client.force_login(trainer)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [locale("ru").pk]},
    )
    assert response.status_code in (302, 403)
    assert not CoursePage.objects.filter(locale=locale("ru")).exists()


def test_a_po_upload_of_another_translation_changes_nothing(editor_client, course):
    translation = submit(editor_client, course, "ru")
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    po.append(polib.POEntry(msgid=course.title, msgstr="Чужой перевод"))
    assert translation.import_po(po) == []
    assert not any(entry.msgstr for entry in translation.export_po())
