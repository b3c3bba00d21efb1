"""The hot pages read the same with the shortcuts on and off.

The page cache (``pagecache``: Wagtail's site and route look-ups, view
restrictions, outlines) and the queries compiled once (``lms.prepared``) lean
on framework internals. Each can be switched off (``PAGE_CACHE = {"ENABLED":
False}``, ``LMS = {"PREPARED_QUERIES": False}``), falling back to Wagtail's
and the ORM's plain path; these tests render every hot page both ways and
compare what the visitor gets, and that the shortcuts save queries.
"""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.factories import LessonPageFactory
from lms import services
from lms.models import Verb
from pagecache import cache as pagecache

pytestmark = pytest.mark.django_db

PLAIN = {"PAGE_CACHE": {"ENABLED": False}}
VOLATILE = [
    re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'),
    re.compile(r'nonce="[^"]+"'),
]


def normalised(response):
    assert response.status_code == 200, response.status_code
    text = response.content.decode()
    for pattern in VOLATILE:
        text = pattern.sub("", text)
    return text


def both_ways(client, url, settings):
    """(page, queries) with the shortcuts on, then with both switched off; caches warm."""
    results = []
    for plain in (False, True):
        lms_options = {**settings.LMS, "PREPARED_QUERIES": not plain}
        with override_settings(LMS=lms_options, **(PLAIN if plain else {})):
            client.get(url)  # records the first visit, fills what can be cached
            with CaptureQueriesContext(connection) as captured:
                page = normalised(client.get(url))
            results.append((page, len(captured)))
    return results


@pytest.fixture
def progress(learner, enrolled, lessons):
    services.record_learning(learner, lessons[0].lesson_uuid, Verb.MARKED_COMPLETE)
    return enrolled


@pytest.mark.parametrize(
    "who, where",
    [
        *[("anonymous", where) for where in ("home", "catalogue", "course")],
        *[("learner", where) for where in ("home", "catalogue", "course", "lesson", "dashboard")],
    ],
)
def test_every_hot_page_is_the_same_both_ways(
    client, learner, progress, lessons, home, catalogue, course, settings, who, where
):
    if who == "learner":
        client.force_login(learner)
    url = {
        "home": home.url,
        "catalogue": catalogue.url,
        "course": course.url,
        "lesson": lessons[1].url,
        "dashboard": reverse("lms:dashboard"),
    }[where]
    (fast, fast_queries), (plain, plain_queries) = both_ways(client, url, settings)
    assert fast == plain
    assert fast_queries <= plain_queries


def test_the_shortcuts_save_queries_on_the_lesson_page(
    client, learner, progress, lessons, settings
):
    client.force_login(learner)
    (_fast, fast_queries), (_plain, plain_queries) = both_ways(client, lessons[1].url, settings)
    assert plain_queries - fast_queries >= 4


def test_switched_off_nothing_is_read_from_or_written_to_the_cache(
    client, learner, progress, lessons, settings
):
    client.force_login(learner)
    with override_settings(**PLAIN):
        before = pagecache.generation()
        calls = []
        assert pagecache.cached("probe", lambda: calls.append(1) or "value") == "value"
        assert pagecache.cached("probe", lambda: calls.append(1) or "value") == "value"
        assert calls == [1, 1]
        assert pagecache.generation() == before


def test_an_unpublished_lesson_is_gone_both_ways(client, learner, progress, module_page, settings):
    lesson = LessonPageFactory(parent=module_page, title="Soon gone", slug="soon-gone")
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200
    lesson.unpublish()
    for plain in (False, True):
        with override_settings(**(PLAIN if plain else {})):
            assert client.get(lesson.url).status_code == 404


@pytest.fixture
def module_page(course):
    return course.get_children().first().specific
