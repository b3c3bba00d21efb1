"""Lesson and course completion rules, prerequisites and completion by a trainer."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from lms import services
from lms.models import (
    Certificate,
    CompletionRule,
    Enrolment,
    LessonProgress,
    ManualCompletion,
    Source,
    Verb,
)

pytestmark = pytest.mark.django_db


def quiz_body():
    return [
        {
            "type": "quiz",
            "value": {
                "title": "Quiz",
                "intro": "",
                "questions": [],
                "category": None,
                "random_count": 0,
                "pass_mark": 70,
                "attempts_allowed": 0,
                "time_limit_minutes": 0,
                "shuffle_questions": False,
                "shuffle_options": True,
                "feedback": "immediate",
            },
        }
    ]


@pytest.fixture
def scored_lesson(lessons):
    return LessonPageFactory(
        parent=lessons[0].get_parent(),
        completion_rule=CompletionRule.ON_SCORE,
        min_score_percent=60,
        body=quiz_body(),
    )


@pytest.fixture
def pass_lesson(lessons):
    return LessonPageFactory(
        parent=lessons[0].get_parent(), completion_rule=CompletionRule.ON_PASS, body=quiz_body()
    )


def score(learner, lesson, value, passed):
    """A result of the lesson's quiz, scored on the server."""
    return services.record_learning(
        learner, lesson.lesson_uuid, Verb.SCORED, score=value, passed=passed, source=Source.QUIZ
    )


def test_a_minimum_score_completes_a_score_lesson(learner, enrolled, scored_lesson):
    assert not score(learner, scored_lesson, 0.5, False).lesson_completed_now
    assert score(learner, scored_lesson, 0.6, False).lesson_completed_now


def test_passing_completes_a_pass_lesson_and_a_high_fail_does_not(learner, enrolled, pass_lesson):
    result = score(learner, pass_lesson, 0.65, False)
    assert not result.lesson_completed_now
    assert result.summary.progress < 1 and result.summary.best_score == 0.65
    result = score(learner, pass_lesson, 0.8, True)
    assert result.lesson_completed_now and result.summary.passed_at is not None


def test_mark_as_complete_and_reading_do_not_complete_an_assessed_lesson(
    learner, enrolled, pass_lesson
):
    uuid_ = pass_lesson.lesson_uuid
    with pytest.raises(services.UntrustedSource):
        services.record_learning(learner, uuid_, Verb.MARKED_COMPLETE)
    assert not services.record_learning(learner, uuid_, Verb.REACHED_END).lesson_completed_now


def test_a_score_outside_zero_to_one_is_refused(learner, enrolled, pass_lesson):
    with pytest.raises(ValidationError):
        score(learner, pass_lesson, 1.5, True)
    assert not LessonProgress.objects.exists()


def test_an_assessed_lesson_needs_a_quiz(lessons):
    lesson = LessonPageFactory.build(completion_rule=CompletionRule.ON_PASS, body=[])
    lesson.path, lesson.depth = lessons[0].path + "9999", lessons[0].depth + 1
    with pytest.raises(ValidationError):
        lesson.clean()


class TestCourseRules:
    def test_a_final_assessment_must_be_passed_as_well(
        self, learner, enrolled, course, lessons, pass_lesson
    ):
        course.final_assessment = pass_lesson
        course.save_revision().publish()
        for lesson in lessons:
            services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
        assert Enrolment.objects.get(pk=enrolled.pk).completed_at is None
        assert score(learner, pass_lesson, 0.9, True).course_completed_now

    def test_a_minimum_study_time_must_be_reached(self, learner, enrolled, course, lessons):
        course.min_time_minutes = 10
        course.save_revision().publish()
        for lesson in lessons:
            services.record_learning(
                learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE, time_spent=60
            )
        assert Enrolment.objects.get(pk=enrolled.pk).completed_at is None
        result = services.record_learning(
            learner, lessons[0].lesson_uuid, Verb.PROGRESSED, progress_delta=0, time_spent=600
        )
        assert result.course_completed_now

    def test_the_certificate_is_issued_in_the_same_transaction_as_completion(
        self, learner, enrolled, course, lessons
    ):
        results = [
            services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
            for lesson in lessons
        ]
        assert any(result.course_completed_now for result in results)
        certificate = Certificate.objects.get(enrolment=enrolled)
        assert certificate.learner_name == learner.get_full_name()
        assert certificate.cpd_hours == course.cpd_hours


class TestModulePrerequisites:
    @pytest.fixture
    def modules(self, course, lessons):
        first, second = list(course.get_modules())
        second.prerequisites.add(first)
        second.save_revision().publish()
        return first, second

    def second_module_lesson(self, lessons, second):
        return next(lesson for lesson in lessons if lesson.path.startswith(second.path))

    def test_a_locked_lesson_cannot_be_recorded(self, learner, enrolled, lessons, modules):
        lesson = self.second_module_lesson(lessons, modules[1])
        with pytest.raises(services.Locked) as locked:
            services.record_learning(learner, lesson.lesson_uuid, Verb.VIEWED)
        assert locked.value.required[0].pk == modules[0].pk

    def test_a_locked_lesson_cannot_be_opened_by_its_url(
        self, learner_client, enrolled, course, lessons, modules
    ):
        lesson = self.second_module_lesson(lessons, modules[1])
        response = learner_client.get(lesson.url)
        assert response.status_code == 302 and response.url == course.url
        response = learner_client.post(
            reverse("courses:progress", args=[lesson.lesson_uuid]), {"verb": "marked_complete"}
        )
        assert response.status_code == 403
        assert not LessonProgress.objects.filter(item_id=lesson.lesson_uuid).exists()

    def test_the_course_page_says_what_unlocks_a_module(
        self, learner_client, enrolled, course, modules
    ):
        page = learner_client.get(course.url).content.decode()
        assert "Opens when you complete: Rights" in page

    def test_completing_the_required_module_unlocks_the_next(
        self, learner, enrolled, lessons, modules
    ):
        first, second = modules
        for lesson in lessons:
            if lesson.path.startswith(first.path):
                services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
        lesson = self.second_module_lesson(lessons, second)
        assert services.record_learning(learner, lesson.lesson_uuid, Verb.VIEWED)


class TestCoursePrerequisites:
    @pytest.fixture
    def advanced(self, catalogue, course):
        advanced = CoursePageFactory(parent=catalogue, title="Advanced", slug="advanced")
        advanced.prerequisites.add(course)
        advanced.save_revision().publish()
        LessonPageFactory(parent=ModulePageFactory(parent=advanced))
        return advanced

    def test_enrolling_waits_for_the_prerequisite(self, learner_client, learner, course, advanced):
        response = learner_client.post(reverse("courses:enrol", args=[advanced.pk]))
        assert response.url == advanced.url
        assert not Enrolment.objects.filter(learner=learner, course=advanced).exists()
        assert "Complete these courses first" in learner_client.get(advanced.url).content.decode()

    def test_completing_the_prerequisite_opens_enrolment(
        self, learner, enrolled, lessons, advanced
    ):
        for lesson in lessons:
            services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
        enrolment, created = services.enrol(learner, advanced)
        assert created

    def test_a_trainer_may_enrol_a_learner_regardless(self, learner, advanced):
        _enrolment, created = services.enrol(learner, advanced, method=Enrolment.Method.TRAINER)
        assert created


class TestManualCompletion:
    def test_a_trainer_completes_a_course_for_a_learner_with_a_reason(
        self, learner, other_learner, course
    ):
        certificate = services.complete_for_learner(
            learner, course, decided_by=other_learner, reason="Attended the face-to-face course"
        )
        assert certificate.enrolment.completed_at is not None
        log = ManualCompletion.objects.get()
        assert (log.decided_by, log.reason) == (other_learner, "Attended the face-to-face course")

    def test_a_reason_is_required_and_nothing_is_saved_without_one(
        self, learner, other_learner, course
    ):
        with pytest.raises(ValidationError):
            services.complete_for_learner(learner, course, decided_by=other_learner, reason="  ")
        assert not Enrolment.objects.exists() and not ManualCompletion.objects.exists()


def test_a_progress_report_cannot_complete_an_assessed_lesson(
    learner_client, learner, enrolled, pass_lesson
):
    response = learner_client.post(
        reverse("courses:progress", args=[pass_lesson.lesson_uuid]),
        {"verb": "progressed", "progress": "1"},
    )
    assert response.status_code == 200 and response.json()["completed"] is False
    summary = LessonProgress.objects.get(learner=learner, item_id=pass_lesson.lesson_uuid)
    assert summary.completed_at is None and summary.progress < 1
