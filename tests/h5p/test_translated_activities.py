"""Activities in several languages: each language of an activity is an activity of its own
(Wagtail's locale and translation key), and each translation of a lesson plays its own."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from h5p.importing import import_package
from h5p.models import H5PActivity, H5PLibrary
from h5p.storage import h5p_storage
from lms import services
from lms.models import CompletionRule, LessonProgress

from .conftest import statement
from .packages import tiny
from .test_playing import post_statements

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def tiny_in(language, title):
    metadata = {
        "title": title,
        "language": language,
        "mainLibrary": "H5P.Tiny",
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": "H5P.Tiny", "majorVersion": 1, "minorVersion": 0}
        ],
    }
    return tiny(**{"h5p.json": json.dumps(metadata).encode()})


@pytest.fixture
def activity(db):
    return import_package(tiny_in("en", "Why include every child?"))


@pytest.fixture
def translated_course(
    admin_client, course, make_h5p_lesson, activity, django_capture_on_commit_callbacks
):
    """The course with an H5P lesson, translated into Russian in the admin (and published)."""
    lesson = make_h5p_lesson(activity, rule=CompletionRule.ON_MARK)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
            {"locales": [locale("ru").pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    return lesson, lesson.get_translation(locale("ru")).specific


def files_of(activity):
    storage = h5p_storage()
    return storage.exists(f"{activity.storage_prefix}/h5p.json") and storage.exists(
        activity.package.name
    )


def test_an_uploaded_activity_is_in_the_default_language_with_a_key_of_its_own(activity):
    other = import_package(tiny_in("en", "Another"))
    assert activity.locale == Locale.get_default() == other.locale
    assert activity.translation_key != other.translation_key


def test_an_activity_imported_as_a_translation_keeps_its_language_and_key(activity):
    russian = import_package(
        tiny_in("ru", "Зачем включать каждого ребёнка?"),
        activity=H5PActivity(locale=locale("ru"), translation_key=activity.translation_key),
    )
    assert activity.get_translation(locale("ru")) == russian
    assert russian.title == "Зачем включать каждого ребёнка?"
    # One copy of the library code serves both.
    assert H5PLibrary.objects.count() == 1


def test_translating_a_lesson_in_the_admin_gives_it_the_activity_in_its_language(
    translated_course, activity
):
    lesson, russian_lesson = translated_course
    (value,) = [block.value for block in russian_lesson.body if block.block_type == "h5p"]
    russian = value["activity"]
    # wagtail-localize copied the activity into Russian: a translation sharing its files
    # (and its library) until a translator uploads the Russian package.
    assert russian.locale == locale("ru") and russian.translation_key == activity.translation_key
    assert russian.storage_prefix == activity.storage_prefix
    assert list(russian.shared_libraries.all()) == list(activity.shared_libraries.all())
    assert files_of(russian)


def test_a_translator_uploads_the_languages_package_and_the_source_keeps_its_files(
    admin_client, translated_course, activity, django_capture_on_commit_callbacks
):
    _lesson, russian_lesson = translated_course
    russian = activity.get_translation(locale("ru"))
    upload = SimpleUploadedFile("ru.h5p", tiny_in("ru", "По-русски").getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[russian.pk]),
            {"title": "", "upload": upload},
        )
    assert response.status_code == 302
    russian.refresh_from_db()
    assert russian.storage_prefix != activity.storage_prefix
    assert files_of(activity) and files_of(russian)
    # The listing shows both languages' activities.
    listing = admin_client.get(reverse("wagtailsnippets_h5p_h5pactivity:list"))
    assert listing.status_code == 200


def test_deleting_an_activity_keeps_the_files_its_translation_still_uses(
    translated_course, activity, django_capture_on_commit_callbacks
):
    russian = activity.get_translation(locale("ru"))
    _lesson, russian_lesson = translated_course
    russian_lesson.body = []
    russian_lesson.save_revision().publish()
    lesson, _ = translated_course
    lesson.body = []
    lesson.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        activity.delete()
    assert files_of(russian)
    assert H5PLibrary.objects.filter(activities=russian).exists()
    with django_capture_on_commit_callbacks(execute=True):
        russian.delete()
    assert not h5p_storage().exists(f"{russian.storage_prefix}/h5p.json")
    assert not H5PLibrary.objects.exists()


def test_a_learner_completes_the_translated_lesson_with_the_translated_activity(
    client, learner, translated_course, activity
):
    _lesson, russian_lesson = translated_course
    russian = activity.get_translation(locale("ru"))
    services.enrol(learner, russian_lesson.course)
    client.force_login(learner)
    response = post_statements(client, russian_lesson, russian, statement())
    assert response.status_code == 200 and response.json()["lesson_completed"]
    progress = LessonProgress.objects.get(learner=learner, item_id=russian_lesson.lesson_uuid)
    assert progress.completed_at is not None


def test_each_translation_of_an_activity_has_a_source_for_wagtail_localize(activity):
    """The activity is a translatable snippet wagtail-localize can take as a source."""
    source, _created = TranslationSource.get_or_create_from_instance(activity)
    translation = Translation.objects.create(source=source, target_locale=locale("az"))
    translation.save_target()
    assert activity.get_translation(locale("az")).title == activity.title
