"""The recording service: bounds, monotonic progress, completion once, instant course completion."""

import math
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from courses.factories import LessonPageFactory
from lms import services
from lms.models import CompletionRule, CourseItem, Enrolment, LearningSession, LessonProgress, Verb

pytestmark = pytest.mark.django_db


def complete(learner, lesson, **kwargs):
    return services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE, **kwargs)


def test_enrolling_twice_keeps_one_enrolment(learner, course):
    first, created = services.enrol(learner, course)
    again, created_again = services.enrol(learner, course)
    assert created and not created_again
    assert first.pk == again.pk
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_a_learner_who_is_not_enrolled_cannot_record_progress(learner, lessons):
    with pytest.raises(services.NotEnrolled):
        complete(learner, lessons[0])
    assert not LessonProgress.objects.exists()


def test_an_unknown_lesson_is_refused(learner, enrolled):
    with pytest.raises(services.UnknownLesson):
        services.record_learning(learner, uuid.uuid4(), Verb.VIEWED)


def test_viewing_a_reading_lesson_starts_it_without_completing_it(learner, enrolled, lessons):
    result = services.record_learning(learner, lessons[0].lesson_uuid, Verb.VIEWED)
    assert result.summary.progress == 0
    assert result.summary.first_visited_at is not None
    assert result.summary.completed_at is None
    assert LearningSession.objects.filter(learner=learner).count() == 1


def test_viewing_a_lesson_that_completes_on_view_completes_it(learner, enrolled, course, lessons):
    module = lessons[0].get_parent()
    lesson = LessonPageFactory(parent=module, completion_rule=CompletionRule.ON_VIEW)
    result = services.record_learning(learner, lesson.lesson_uuid, Verb.VIEWED)
    assert result.lesson_completed_now


def test_reaching_the_end_does_not_complete_a_lesson_that_must_be_marked(
    learner, enrolled, lessons
):
    lesson = LessonPageFactory(
        parent=lessons[0].get_parent(), completion_rule=CompletionRule.ON_MARK
    )
    result = services.record_learning(learner, lesson.lesson_uuid, Verb.REACHED_END)
    assert not result.lesson_completed_now
    assert complete(learner, lesson).lesson_completed_now


def test_progress_never_moves_backwards(learner, enrolled, lessons):
    uuid_ = lessons[0].lesson_uuid
    services.record_learning(learner, uuid_, Verb.PROGRESSED, progress=0.6)
    result = services.record_learning(learner, uuid_, Verb.PROGRESSED, progress=0.2)
    assert result.summary.progress == pytest.approx(0.6)


def test_progress_delta_adds_and_is_capped_at_one(learner, enrolled, lessons):
    uuid_ = lessons[0].lesson_uuid
    services.record_learning(learner, uuid_, Verb.PROGRESSED, progress_delta=0.7)
    result = services.record_learning(learner, uuid_, Verb.PROGRESSED, progress_delta=0.7)
    assert result.summary.progress == 1.0
    assert result.lesson_completed_now


@pytest.mark.parametrize(
    "kwargs",
    [
        {"progress": 1.5},
        {"progress": -0.1},
        {"progress": math.nan},
        {"progress": "lots"},
        {"progress_delta": 2},
        {"progress": 0.5, "progress_delta": 0.1},
        {},
    ],
)
def test_bad_progress_values_are_refused_and_nothing_is_saved(learner, enrolled, lessons, kwargs):
    with pytest.raises(ValidationError):
        services.record_learning(learner, lessons[0].lesson_uuid, Verb.PROGRESSED, **kwargs)
    assert not LessonProgress.objects.exists()


def test_negative_time_is_refused_and_huge_time_is_capped(learner, enrolled, lessons, settings):
    with pytest.raises(ValidationError):
        services.record_learning(learner, lessons[0].lesson_uuid, Verb.VIEWED, time_spent=-5)
    settings.LMS = {"MAX_TIME_DELTA_SECONDS": 100}
    result = services.record_learning(
        learner, lessons[0].lesson_uuid, Verb.VIEWED, time_spent=10**9
    )
    assert result.summary.time_spent == 100
    assert result.enrolment.time_spent == 100


def test_completing_twice_changes_nothing(learner, enrolled, lessons):
    first = complete(learner, lessons[0])
    second = complete(learner, lessons[0])
    assert first.lesson_completed_now and not second.lesson_completed_now
    assert second.summary.completed_at == first.summary.completed_at
    enrolment = Enrolment.objects.get(pk=enrolled.pk)
    assert enrolment.lessons_completed == 1


def test_course_completes_the_moment_the_last_required_lesson_is_done(learner, enrolled, lessons):
    required = [lesson for lesson in lessons if lesson.required]
    results = [complete(learner, lesson) for lesson in required]
    assert [r.course_completed_now for r in results] == [False, False, True]
    enrolment = Enrolment.objects.get(pk=enrolled.pk)
    assert enrolment.completed_at is not None
    assert enrolment.progress == 1.0
    assert enrolment.lessons_completed == 3


def test_optional_lessons_do_not_count_towards_completion(learner, enrolled, lessons):
    optional = next(lesson for lesson in lessons if not lesson.required)
    result = complete(learner, optional)
    assert result.lesson_completed_now
    assert result.enrolment.progress == 0
    assert result.enrolment.lessons_completed == 0


def test_one_learners_progress_does_not_touch_anothers(learner, other_learner, course, lessons):
    services.enrol(learner, course)
    services.enrol(other_learner, course)
    complete(learner, lessons[0])
    assert not LessonProgress.objects.filter(learner=other_learner).exists()
    assert Enrolment.objects.get(learner=other_learner).progress == 0


def test_adding_a_required_lesson_lowers_course_progress_but_keeps_completion(
    learner, enrolled, lessons
):
    for lesson in lessons:
        complete(learner, lesson)
    LessonPageFactory(parent=lessons[0].get_parent(), title="New lesson")
    enrolment = Enrolment.objects.get(pk=enrolled.pk)
    assert enrolment.progress == pytest.approx(3 / 4)
    assert enrolment.completed_at is not None


def test_withdrawing_the_last_unfinished_lesson_completes_the_course(learner, enrolled, lessons):
    complete(learner, lessons[0])
    complete(learner, lessons[1])
    lessons[2].unpublish()
    enrolment = Enrolment.objects.get(pk=enrolled.pk)
    assert enrolment.completed_at is not None
    assert enrolment.progress == 1.0


def test_the_database_refuses_progress_outside_zero_to_one(learner, enrolled, lessons):
    item = CourseItem.objects.get(uuid=lessons[0].lesson_uuid)
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonProgress.objects.create(learner=learner, item=item, progress=1.2)


def test_the_database_refuses_a_second_summary_for_the_same_lesson(learner, enrolled, lessons):
    item = CourseItem.objects.get(uuid=lessons[0].lesson_uuid)
    LessonProgress.objects.create(learner=learner, item=item)
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonProgress.objects.create(learner=learner, item=item)


def test_the_database_refuses_a_completed_lesson_below_full_progress(learner, enrolled, lessons):
    item = CourseItem.objects.get(uuid=lessons[0].lesson_uuid)
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonProgress.objects.create(
            learner=learner, item=item, progress=0.5, completed_at="2026-01-01T00:00Z"
        )


def test_the_database_refuses_a_second_enrolment_in_the_same_course(learner, enrolled, course):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(learner=learner, course=course)


def test_visits_close_together_share_one_session(learner, enrolled, lessons):
    uuid_ = lessons[0].lesson_uuid
    services.record_learning(learner, uuid_, Verb.VIEWED, time_spent=5)
    services.record_learning(learner, uuid_, Verb.PROGRESSED, progress_delta=0, time_spent=20)
    session = LearningSession.objects.get()
    assert session.time_spent == 25
