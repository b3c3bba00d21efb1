"""The demo teacher passes the final quiz and gets a certificate that verifies."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from courses.models import CoursePage
from lms.models import Attempt, Certificate, Enrolment
from tests.quizzes.test_taking_a_quiz import right_answers

pytestmark = pytest.mark.django_db


def test_the_demo_teacher_passes_the_final_quiz_and_downloads_a_certificate_that_verifies(
    client, settings
):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    assert client.login(username="teacher", password="teacher-demo-2026")
    course = CoursePage.objects.get(
        slug="inclusive-education-in-practice", locale__language_code="en"
    )
    client.post(reverse("courses:enrol", args=[course.pk]))
    lessons = list(course.get_lessons())
    quiz_lesson = lessons[-1]
    assert course.final_assessment_id == quiz_lesson.pk
    for lesson in lessons[:-1]:
        client.get(lesson.url)
        client.post(reverse("courses:mark_complete", args=[lesson.lesson_uuid]))
    assert Enrolment.objects.get(course=course, learner__username="teacher").completed_at is None

    client.post(reverse("quizzes:start", args=[quiz_lesson.lesson_uuid]))
    attempt = Attempt.objects.get(learner__username="teacher")
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), right_answers(attempt))

    enrolment = Enrolment.objects.get(course=course, learner__username="teacher")
    assert enrolment.completed_at is not None and enrolment.progress == 1
    certificate = Certificate.objects.get(enrolment=enrolment)
    response = client.get(certificate.get_pdf_url())
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Aysel Mammadova" in text and certificate.code in text
    client.logout()
    assert "This certificate is valid." in client.get(certificate.get_verify_url()).content.decode()
