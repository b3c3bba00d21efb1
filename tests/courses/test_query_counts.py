"""A course page and a lesson page cost the same number of queries with 10 lessons or 200."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.structure import sync_course
from lms import services
from lms.models import Verb

pytestmark = pytest.mark.django_db

# Ceilings pinned from measurement, with warm caches; raise them only with a reason.
# Site, route, view restrictions and the catalogue link come from pagecache.
# The outline, the course of a lesson and the lesson's record item come from it too.
COURSE_PAGE_MAX_QUERIES = 8
# A return visit is three UPDATEs (lms.services.record_visit); the session is one
# query with database sessions, none with production's cached sessions.
LESSON_PAGE_MAX_QUERIES = 7
LESSON_PAGE_PRODUCTION_MAX_QUERIES = 6
# A reload within LMS["VISIT_WRITE_INTERVAL_SECONDS"] writes nothing: the page,
# the user, and the enrolment with the lesson's own record joined to it.
LESSON_RELOAD_PRODUCTION_MAX_QUERIES = 3
# The user, the enrolment and the lesson's record (locked), and three updates;
# the lesson item comes from the page cache. BEGIN and COMMIT come on top.
PROGRESS_WRITE_MAX_QUERIES = 6
DASHBOARD_MAX_QUERIES = 8


def build_course(catalogue, lesson_count, modules=5):
    course = CoursePageFactory(parent=catalogue, slug=f"course-{lesson_count}")
    module_pages = [ModulePageFactory(parent=course) for _ in range(modules)]
    for index in range(lesson_count):
        LessonPageFactory(parent=module_pages[index % modules], publish=False, live=True)
    sync_course(course)
    return course


def count_queries(client, url):
    client.get(url)  # the first visit fills the caches and creates the learner's records
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def small_and_large(catalogue, learner):
    courses = {}
    for size in (10, 200):
        course = build_course(catalogue, size)
        services.enrol(learner, course)
        lessons = list(course.get_lessons())
        for lesson in lessons[:5]:
            services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
        courses[size] = (course, lessons)
    return courses


def test_course_page_queries_do_not_grow_with_lessons(
    learner_client, small_and_large, django_assert_max_num_queries
):
    counts = {
        size: count_queries(learner_client, c.url) for size, (c, _) in small_and_large.items()
    }
    assert counts[10] == counts[200]
    with django_assert_max_num_queries(COURSE_PAGE_MAX_QUERIES):
        learner_client.get(small_and_large[200][0].url)


def test_lesson_page_queries_do_not_grow_with_lessons(
    learner_client, small_and_large, django_assert_max_num_queries
):
    counts = {
        size: count_queries(learner_client, lessons[7].url)
        for size, (_, lessons) in small_and_large.items()
    }
    assert counts[10] == counts[200]
    with django_assert_max_num_queries(LESSON_PAGE_MAX_QUERIES):
        learner_client.get(small_and_large[200][1][7].url)


def test_a_return_visit_to_a_lesson_costs_at_most_six_queries_with_cached_sessions(
    client, learner, small_and_large, settings, django_assert_max_num_queries
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(learner)
    url = small_and_large[200][1][7].url
    client.get(url)
    with django_assert_max_num_queries(LESSON_PAGE_PRODUCTION_MAX_QUERIES):
        assert client.get(url).status_code == 200


def test_a_reload_of_a_lesson_costs_at_most_three_queries(
    client,
    learner,
    small_and_large,
    settings,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(learner)
    url = small_and_large[200][1][7].url
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    with django_assert_max_num_queries(LESSON_RELOAD_PRODUCTION_MAX_QUERIES):
        assert client.get(url).status_code == 200


def test_dashboard_queries_do_not_grow_with_enrolments(
    learner_client, small_and_large, catalogue, learner, django_assert_max_num_queries
):
    url = reverse("lms:dashboard")
    before = count_queries(learner_client, url)
    for size in (3, 4, 5):
        services.enrol(learner, build_course(catalogue, size, modules=1))
    assert count_queries(learner_client, url) == before
    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        learner_client.get(url)


@pytest.mark.django_db
def test_the_lesson_fast_route_serves_only_live_lessons_at_their_own_address(
    learner_client, small_and_large
):
    course, lessons = small_and_large[10]
    lesson = lessons[3]
    assert learner_client.get(lesson.url).status_code == 200
    # Another module's slug in the middle is not this lesson's address.
    wrong = lesson.url.replace(f"/{lesson.get_parent().slug}/", "/no-such-module/")
    assert learner_client.get(wrong).status_code == 404
    lesson.unpublish()
    assert learner_client.get(lesson.url).status_code == 404
    assert learner_client.get(course.url).status_code == 200
    assert learner_client.get(course.url.rstrip("/") + "-not-it/").status_code == 404


def test_a_progress_write_costs_at_most_six_statements(client, learner, small_and_large, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(learner)
    lesson = small_and_large[200][1][7]
    url = reverse("courses:progress", args=[lesson.lesson_uuid])
    body = {"verb": "progressed", "progress_delta": 0.01, "time_spent": 5}
    client.post(url, body, content_type="application/json")
    # User, enrolment and progress (locked), the progress and session and
    # enrolment updates; no page lookup, no lesson item (cached).
    with CaptureQueriesContext(connection) as captured:
        assert client.post(url, body, content_type="application/json").status_code == 200
    # The transaction's savepoint and its release are test artefacts (BEGIN/COMMIT in production).
    statements = [
        q["sql"]
        for q in captured.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    assert len(statements) <= PROGRESS_WRITE_MAX_QUERIES, statements
    assert not [sql for sql in statements if "wagtailcore_page" in sql]
