"""Packages in several languages: each language of a SCORM package is a package of its own
(Wagtail's locale and translation key); a translation of a lesson launches its own, and a
translator gives it the language's zip in the admin."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from wagtail.models import Locale

from lms import services
from scorm.importing import import_package
from scorm.models import ScormPackage

from .conftest import place
from .packages import MANIFEST_12, make_zip, scorm12_files, scorm12_zip

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def files_of(package):
    return default_storage.exists(f"{package.storage_prefix}/index.html") and (
        default_storage.exists(package.file.name)
    )


def russian_zip():
    files = scorm12_files()
    files["imsmanifest.xml"] = MANIFEST_12.format(href="index.html").replace(
        "Tiny SCORM 1.2", "Маленький SCORM"
    )
    upload = make_zip(files)
    upload.name = "ru.zip"
    return upload


@pytest.fixture
def package(db):
    return import_package(scorm12_zip(), title="Tiny")


@pytest.fixture
def translated_lesson(admin_client, course, lessons, package, django_capture_on_commit_callbacks):
    """A lesson launching ``package``, its course translated into Russian in the admin."""
    lesson, _block_id = place(lessons[0], package)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
            {"locales": [locale("ru").pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    return lesson, lesson.get_translation(locale("ru")).specific


def test_an_uploaded_package_is_in_the_default_language(package):
    assert package.locale == Locale.get_default()


def test_translating_a_lesson_in_the_admin_launches_the_package_in_its_language(
    client, learner, translated_lesson, package
):
    _lesson, russian_lesson = translated_lesson
    (block,) = [block for block in russian_lesson.body if block.block_type == "scorm"]
    russian = block.value["package"]
    assert russian.locale == locale("ru") and russian.translation_key == package.translation_key
    # A copy sharing the source's files until the Russian zip is uploaded.
    assert russian.storage_prefix == package.storage_prefix and files_of(russian)
    services.enrol(learner, russian_lesson.course)
    client.force_login(learner)
    launch = client.get(reverse("scorm:launch", args=[russian_lesson.lesson_uuid, block.id]))
    assert launch.status_code == 200


def test_a_translator_replaces_the_zip_of_the_translation_and_the_source_keeps_its_files(
    admin_client, translated_lesson, package, django_capture_on_commit_callbacks
):
    russian = package.get_translation(locale("ru"))
    edit = reverse("wagtailsnippets_scorm_scormpackage:edit", args=[russian.pk])
    assert admin_client.get(edit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit, {"title": "", "file": russian_zip()})
    assert response.status_code == 302
    russian.refresh_from_db()
    assert russian.title == "Маленький SCORM"
    assert russian.storage_prefix != package.storage_prefix
    assert files_of(russian) and files_of(package)
    listing = admin_client.get(reverse("wagtailsnippets_scorm_scormpackage:list"))
    assert "Маленький SCORM" in listing.content.decode()


def test_replacing_a_packages_zip_removes_its_old_files_once_committed(
    admin_client, package, django_capture_on_commit_callbacks
):
    old_prefix, old_file = package.storage_prefix, package.file.name
    edit = reverse("wagtailsnippets_scorm_scormpackage:edit", args=[package.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit, {"title": "Tiny", "file": russian_zip()})
    assert response.status_code == 302
    package.refresh_from_db()
    assert files_of(package)
    assert not default_storage.exists(f"{old_prefix}/index.html")
    assert not default_storage.exists(old_file)


def test_a_broken_replacement_is_refused_and_the_package_keeps_its_files(admin_client, package):
    edit = reverse("wagtailsnippets_scorm_scormpackage:edit", args=[package.pk])
    broken = make_zip({"index.html": "<p>No manifest</p>"})
    response = admin_client.post(edit, {"title": "Tiny", "file": broken})
    assert response.status_code == 200
    assert "imsmanifest.xml" in response.content.decode()
    package.refresh_from_db()
    assert files_of(package)


def test_deleting_a_package_keeps_the_files_its_translation_still_uses(
    translated_lesson, package, django_capture_on_commit_callbacks
):
    russian = package.get_translation(locale("ru"))
    for lesson in translated_lesson:
        lesson.body = []
        lesson.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        package.delete()
    assert files_of(russian)
    with django_capture_on_commit_callbacks(execute=True):
        ScormPackage.objects.get(pk=russian.pk).delete()
    assert not default_storage.exists(f"{russian.storage_prefix}/index.html")
