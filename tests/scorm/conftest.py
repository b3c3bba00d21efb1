"""A lesson that holds a SCORM package, on the shared course tree."""

import pytest
from django.core.files import File

from scorm.importing import import_package

from .packages import SHARED, scorm12_zip


def shared_package(name):
    return str(SHARED / name)


@pytest.fixture
def scorm12(db):
    return import_package(scorm12_zip(), title="Tiny")


def place(lesson, package, required=True):
    lesson.body = [("scorm", {"package": package, "required": required})]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson, lesson.body[0].id


@pytest.fixture
def scorm_lesson(lessons, scorm12):
    return place(lessons[0], scorm12)


def import_shared(name):
    with open(shared_package(name), "rb") as handle:
        return import_package(File(handle, name=name))
