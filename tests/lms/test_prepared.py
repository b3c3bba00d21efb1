"""Prepared queries: compiled once, the same answers as the ORM's, on both databases."""

import uuid
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from lms import services
from lms.models import CourseItem, Enrolment, LessonProgress, Verb
from lms.prepared import PreparedQuery

pytestmark = pytest.mark.django_db


def orm_enrolment_with_record(learner, item):
    """The same read through the ORM, compiled on each call (the reference)."""
    return services._enrolment_with_record(learner.pk, item.course_id, item.uuid)[0]


def test_the_prepared_read_answers_as_the_orm_does(learner, other_learner, enrolled, lessons):
    first, second = (CourseItem.objects.get(uuid=lesson.lesson_uuid) for lesson in lessons[:2])
    services.record_learning(learner, first.uuid, Verb.PROGRESSED, progress=0.4, time_spent=12)
    services.record_learning(learner, second.uuid, Verb.MARKED_COMPLETE)
    services.enrol(other_learner, enrolled.course)

    # Compiled by the first call, then run with other values: other learners, other lessons.
    for who, item in [(learner, first), (learner, second), (other_learner, first)]:
        prepared = services.learner_enrolment(who, item.course_id, record_of=item)
        reference = orm_enrolment_with_record(who, item)
        for field in Enrolment._meta.concrete_fields:
            assert getattr(prepared, field.attname) == getattr(reference, field.attname)
        for name in services.RECORD_FIELDS:
            assert getattr(prepared, f"record_{name}") == getattr(reference, f"record_{name}")

    record = services.learner_enrolment(learner, first.course_id, record_of=first).lesson_record
    stored = LessonProgress.objects.get(learner=learner, item=first)
    assert (record.pk, record.progress, record.time_spent) == (stored.pk, 0.4, 12)
    assert record.first_visited_at == stored.first_visited_at  # an aware datetime on SQLite too
    done = services.learner_enrolment(learner, second.course_id, record_of=second).lesson_record
    assert done.completed_at is not None
    fresh = services.learner_enrolment(other_learner, first.course_id, record_of=first)
    assert fresh.lesson_record is None


def test_no_enrolment_is_not_enrolled(learner, lessons):
    item = CourseItem.objects.get(uuid=lessons[0].lesson_uuid)
    with pytest.raises(services.NotEnrolled):
        services.learner_enrolment(learner, item.course_id, record_of=item)


def test_a_prepared_read_is_one_query_and_is_counted(learner, enrolled, lessons):
    item = CourseItem.objects.get(uuid=lessons[0].lesson_uuid)
    services.learner_enrolment(learner, item.course_id, record_of=item)
    with CaptureQueriesContext(connection) as captured:
        services.learner_enrolment(learner, item.course_id, record_of=item)
    [query] = captured.captured_queries
    assert "lms_enrolment" in query["sql"] and "lms_lessonprogress" in query["sql"]


def test_placeholders_missing_from_the_sql_are_refused(db):
    prepared = PreparedQuery(
        Enrolment,
        lambda learner_id, course_id: Enrolment.objects.filter(learner_id=learner_id),
        learner_id=-1,
        course_id=-2,
    )
    with pytest.raises(ImproperlyConfigured, match="course_id"):
        prepared.first(learner_id=1, course_id=2)


def test_related_rows_are_refused(db):
    joined = PreparedQuery(
        Enrolment, lambda pk: Enrolment.objects.select_related("learner").filter(pk=pk), pk=-1
    )
    with pytest.raises(ImproperlyConfigured):
        joined.first(pk=1)


def test_a_locking_read_needs_a_transaction_and_locks_in_one(learner, enrolled):
    # Each test runs inside a transaction; seen from outside one (autocommit), refused.
    with (
        mock.patch.object(connections["default"], "in_atomic_block", False),
        pytest.raises(TransactionManagementError),
    ):
        services.LOCKED_ENROLMENT.first(learner_id=learner.pk, course_id=enrolled.course_id)
    assert connections["default"].in_atomic_block  # the patch is undone
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        locked = services.LOCKED_ENROLMENT.first(
            learner_id=learner.pk, course_id=enrolled.course_id
        )
    assert locked.pk == enrolled.pk
    if connection.features.has_select_for_update:
        assert captured.captured_queries[-1]["sql"].rstrip().endswith("FOR UPDATE")


def test_a_uuid_value_reaches_the_database_in_its_form(learner, enrolled, lessons):
    by_uuid = PreparedQuery(
        CourseItem,
        lambda item: CourseItem.objects.filter(uuid=item),
        item=uuid.UUID("00000000-0000-4000-8000-000000000001"),
    )
    item = by_uuid.first(item=lessons[1].lesson_uuid)
    assert item.uuid == lessons[1].lesson_uuid
    assert by_uuid.first(item=str(lessons[0].lesson_uuid)).uuid == lessons[0].lesson_uuid
    assert by_uuid.first(item=uuid.uuid4()) is None


def test_a_none_value_is_refused_rather_than_matching_nothing(learner, enrolled):
    with pytest.raises(ValueError):
        services.ENROLMENT_WITH_RECORD.first(
            learner_id=learner.pk, course_id=None, item_uuid=uuid.uuid4()
        )
