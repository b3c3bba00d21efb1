"""A client retrying a progress report it never saw answered is not counted twice."""

import pytest
from django.urls import reverse

from lms import services
from lms.models import Enrolment, LessonProgress, RecordedReport, Verb

pytestmark = pytest.mark.django_db


def report(client, lesson, key=None, **fields):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(
        reverse("courses:progress", args=[lesson.lesson_uuid]),
        {"verb": "progressed", "progress_delta": "0.25", "time_spent": "60", **fields},
        **headers,
    )


def test_a_retried_report_with_the_same_key_counts_once(learner_client, enrolled, lessons):
    first = report(learner_client, lessons[0], key="report-1")
    retry = report(learner_client, lessons[0], key="report-1")
    assert first.status_code == retry.status_code == 200
    assert first.json()["duplicate"] is False
    assert retry.json()["duplicate"] is True
    summary = LessonProgress.objects.get(item_id=lessons[0].lesson_uuid)
    assert summary.progress == pytest.approx(0.25)
    assert summary.time_spent == pytest.approx(60)
    enrolled.refresh_from_db()
    assert enrolled.time_spent == pytest.approx(60)
    assert retry.json()["progress"] == pytest.approx(0.25)


def test_reports_with_different_keys_both_count(learner_client, enrolled, lessons):
    report(learner_client, lessons[0], key="report-1")
    report(learner_client, lessons[0], key="report-2")
    summary = LessonProgress.objects.get(item_id=lessons[0].lesson_uuid)
    assert summary.progress == pytest.approx(0.5)
    assert summary.time_spent == pytest.approx(120)


def test_the_key_may_come_as_a_form_field(learner_client, enrolled, lessons):
    report(learner_client, lessons[0], request_id="field-key")
    report(learner_client, lessons[0], request_id="field-key")
    assert LessonProgress.objects.get(item_id=lessons[0].lesson_uuid).time_spent == 60


def test_a_retried_completion_completes_the_course_once(learner, enrolled, lessons):
    for index, lesson in enumerate(lessons[:3]):
        services.record_learning(
            learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE, request_id=f"done-{index}"
        )
    again = services.record_learning(
        learner, lessons[2].lesson_uuid, Verb.MARKED_COMPLETE, request_id="done-2"
    )
    assert again.duplicate and not again.course_completed_now
    enrolment = Enrolment.objects.get(pk=enrolled.pk)
    assert enrolment.completed_at is not None
    assert enrolment.lessons_completed == 3
    assert learner.certificates.count() == 1


def test_another_learners_key_is_their_own(
    client, learner, other_learner, course, lessons, enrolled
):
    services.enrol(other_learner, course)
    services.record_learning(
        learner, lessons[0].lesson_uuid, Verb.PROGRESSED, progress=0.5, request_id="same"
    )
    client.force_login(other_learner)
    response = report(client, lessons[0], key="same")
    assert response.json()["duplicate"] is False
    assert LessonProgress.objects.get(learner=other_learner).progress == pytest.approx(0.25)


def test_a_refused_report_does_not_use_up_its_key(learner_client, learner, course, lessons):
    refused = report(learner_client, lessons[0], key="early")
    assert refused.status_code == 403  # not enrolled yet
    assert not RecordedReport.objects.exists()
    services.enrol(learner, course)
    accepted = report(learner_client, lessons[0], key="early")
    assert accepted.status_code == 200 and accepted.json()["duplicate"] is False


def test_an_overlong_key_is_refused_and_records_nothing(learner_client, enrolled, lessons):
    response = report(learner_client, lessons[0], key="x" * 65)
    assert response.status_code == 400
    assert not LessonProgress.objects.filter(progress__gt=0).exists()
