"""A course with no live lesson is not offered and cannot be enrolled in (issue 23, item 8)."""

import pytest
from django.urls import reverse

from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from lms import services
from lms.models import Enrolment
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Coming soon", slug="soon")
    ModulePageFactory(parent=course, title="Empty module", slug="empty")
    return course


def test_the_catalogue_and_the_api_list_leave_out_a_course_without_lessons(
    client, catalogue, course, empty_course
):
    page = client.get(catalogue.url).content.decode()
    assert "Inclusive classrooms" in page and "Coming soon" not in page
    listed = client_for(None).get("/api/v1/courses/").json()
    titles = {row["title"] for row in listed.get("results", listed)}
    assert "Inclusive classrooms" in titles and "Coming soon" not in titles


def test_a_learner_cannot_enrol_in_a_course_without_lessons(learner, learner_client, empty_course):
    page = learner_client.get(empty_course.url).content.decode()
    assert "This course has no lessons yet" in page
    assert reverse("courses:enrol", args=[empty_course.pk]) not in page
    response = learner_client.post(reverse("courses:enrol", args=[empty_course.pk]), follow=True)
    assert "This course has no lessons yet" in response.content.decode()
    api = client_for(learner).post(
        "/api/v1/enrolments/", {"course": empty_course.pk}, format="json"
    )
    assert api.status_code == 403
    assert not Enrolment.objects.filter(learner=learner).exists()


def test_the_first_published_lesson_opens_the_course(learner, empty_course):
    module = empty_course.get_children().first()
    LessonPageFactory(parent=module, title="Welcome", slug="welcome")
    enrolment, created = services.enrol(learner, empty_course)
    assert created and enrolment.course_id == empty_course.pk


def test_a_trainer_may_still_enrol_a_cohort_before_the_lessons_are_published(learner, empty_course):
    enrolment, created = services.enrol(learner, empty_course, method=Enrolment.Method.TRAINER)
    assert created
