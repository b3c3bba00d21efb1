"""Stored package files and unpacked folders have names no one can guess.

The attack: SCORM archives were stored as ``scorm/archives/<upload name>``, so
anyone who knew a course's file name knew its address in a public media
bucket, and a second upload of the same name was stored beside the first with
a name Django made up. Now every stored package and every unpacked folder sits
under 32 random hexadecimal digits (a UUID4): two uploads of one file name
never share a name, and the upload's name cannot lead outside its folder.
"""

import re

import pytest

from content_packages.imports import RandomFolder
from h5p.importing import import_package as import_h5p
from scorm.importing import import_package as import_scorm
from scorm.models import ScormPackage
from tests.h5p.packages import tiny
from tests.scorm.packages import scorm12_zip

pytestmark = pytest.mark.django_db

RANDOM = "[0-9a-f]{32}"


def named(fileobj, name):
    fileobj.name = name
    return fileobj


def test_two_scorm_uploads_of_one_name_get_different_unguessable_names():
    first = import_scorm(named(scorm12_zip(), "golf.zip"))
    second = import_scorm(named(scorm12_zip(), "golf.zip"))
    for package in (first, second):
        assert re.fullmatch(f"scorm/archives/{RANDOM}/golf.zip", package.file.name)
        assert re.fullmatch(f"scorm/packages/{RANDOM}", package.storage_prefix)
        assert package.file.storage.exists(package.file.name)
    assert first.file.name != second.file.name
    assert first.storage_prefix != second.storage_prefix


def test_two_h5p_uploads_of_one_name_get_different_unguessable_names():
    first = import_h5p(named(tiny(), "quiz.h5p"))
    second = import_h5p(named(tiny(**{"H5P.Tiny-1.0/tiny.js": b"/* other bytes */"}), "quiz.h5p"))
    for activity in (first, second):
        assert re.fullmatch(f"h5p/packages/{RANDOM}/quiz.h5p", activity.package.name)
        assert re.fullmatch(f"h5p/content/{RANDOM}", activity.storage_prefix)
        # A library's folder is random too, not derived from its (public) bytes.
        assert re.fullmatch(f"h5p/libraries/{RANDOM}", activity.library_paths["H5P.Tiny-1.0"])
    assert first.package.name != second.package.name
    assert first.storage_prefix != second.storage_prefix
    assert first.library_paths != second.library_paths


@pytest.mark.parametrize(
    ("upload", "stored"),
    [
        ("../../etc/passwd.zip", "passwd.zip"),
        ("C:\\Users\\leyla\\golf course.zip", "golf_course.zip"),
        ("", "package.zip"),
        ("x" * 300 + ".zip", "x" * 100 + ".zip"),
    ],
)
def test_the_upload_name_cannot_leave_its_random_folder(upload, stored):
    field = ScormPackage._meta.get_field("file")
    name = field.generate_filename(ScormPackage(), upload)
    assert re.fullmatch(f"scorm/archives/{RANDOM}/{re.escape(stored)}", name)


def test_the_admin_upload_is_stored_under_a_random_folder(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    upload = SimpleUploadedFile("golf.zip", scorm12_zip().getvalue(), "application/zip")
    response = admin_client.post(
        reverse("wagtailsnippets_scorm_scormpackage:add"), {"file": upload}
    )
    assert response.status_code == 302
    assert re.fullmatch(f"scorm/archives/{RANDOM}/golf.zip", ScormPackage.objects.get().file.name)


def test_random_folder_is_a_migration_safe_upload_to():
    upload_to = RandomFolder("scorm/archives")
    path, args, kwargs = upload_to.deconstruct()
    assert path == "content_packages.imports.RandomFolder"
    assert RandomFolder(*args, **kwargs) == upload_to
    assert upload_to(None, "a.zip") != upload_to(None, "a.zip")
