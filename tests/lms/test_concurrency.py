"""On PostgreSQL, concurrent progress reports keep the records consistent.

The recording service locks the learner's enrolment row, so reports that
race each other are applied one after the other: the lesson summary is
created once, time adds up, and the course completes (with one certificate)
exactly once.
"""

import threading

import pytest
from django.db import connection, connections

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from lms import services
from lms.models import Certificate, Enrolment, LessonProgress, Verb
from tests.helpers import site_home

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the file)",
    ),
    pytest.mark.django_db(transaction=True),
]


def run_together(calls):
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_racing_reports_complete_the_course_once_and_lose_no_time():
    # An earlier transactional test may have flushed the tree the migrations made.
    catalogue = CatalogueIndexPageFactory(parent=site_home())
    course = CoursePageFactory(parent=catalogue)
    module = ModulePageFactory(parent=course)
    lessons = [LessonPageFactory(parent=module) for _ in range(6)]
    learner = UserFactory(username="racer")
    services.enrol(learner, course)

    calls = [
        (
            lambda lesson=lesson: services.record_learning(
                learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE, time_spent=10
            )
        )
        for lesson in lessons
    ] + [
        (
            lambda lesson=lesson: services.record_learning(
                learner, lesson.lesson_uuid, Verb.VIEWED, time_spent=5
            )
        )
        for lesson in lessons
    ]
    assert run_together(calls) == []

    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.completed_at is not None and enrolment.lessons_completed == 6
    assert enrolment.time_spent == 6 * 15
    assert LessonProgress.objects.filter(learner=learner).count() == 6
    assert Certificate.objects.filter(learner=learner).count() == 1
