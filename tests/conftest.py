"""Shared fixtures: a small published course tree and some learners."""

import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.storage import storages
from django.utils import translation

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from lms import services
from tests.helpers import ensure_shipped_reference_data, site_home


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (a rolled-back database leaves it behind)."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test ends in the default language.

    ``LocaleMiddleware`` activates a request's language for the thread and leaves it
    active; without this, a test after one that asked for Azerbaijani pages would get
    its messages in Azerbaijani, depending on the order tests run in.
    """
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_export_storage():
    """Each test starts with no export files (ids are reused after a rolled-back test)."""
    yield
    location = Path(storages["exports"].location)
    if location.is_dir():
        for child in location.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()


@pytest.fixture(autouse=True)
def shipped_reference_data(request):
    """What the migrations seed, seeded again when a transactional test flushed it.

    A transactional test (a browser test, a race) ends by emptying every table;
    the districts, programmes, formats and languages the migrations made are
    gone for the tests after it in that process, which then depended on the order
    the tests ran in. One query tells; the migrations' own functions rebuild them.
    """
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")
    elif "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
    elif "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    ensure_shipped_reference_data()


@pytest.fixture
def home(db):
    """The default site's home page; rebuilt after a transactional test flushed the database."""
    return site_home()


@pytest.fixture
def catalogue(home):
    return CatalogueIndexPageFactory(parent=home, slug="courses")


@pytest.fixture
def course(catalogue):
    """A published course: two modules, three required lessons and one optional."""
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    first = ModulePageFactory(parent=course, title="Rights", slug="rights")
    second = ModulePageFactory(parent=course, title="Practice", slug="practice")
    LessonPageFactory(parent=first, title="Article 24", slug="article-24")
    LessonPageFactory(parent=first, title="What inclusion means", slug="meaning")
    LessonPageFactory(parent=second, title="Universal design", slug="udl")
    LessonPageFactory(parent=second, title="Further reading", slug="reading", required=False)
    return course


@pytest.fixture
def lessons(course):
    return list(course.get_lessons())


@pytest.fixture
def learner(db):
    return UserFactory(username="aysel")


@pytest.fixture
def other_learner(db):
    return UserFactory(username="murad")


@pytest.fixture
def enrolled(learner, course):
    enrolment, _created = services.enrol(learner, course)
    return enrolment


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
