"""Each public factory builds a valid object."""

import pytest

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    ProgrammeFactory,
)
from lms.factories import EnrolmentFactory
from lms.models import CourseItem

pytestmark = pytest.mark.django_db


def test_user_factory_makes_a_user_who_can_sign_in(client):
    user = UserFactory()
    assert client.login(username=user.username, password=DEFAULT_PASSWORD)


def test_programme_factory_makes_a_programme():
    assert ProgrammeFactory().slug.startswith("programme-")


def test_page_factories_build_a_published_tree_known_to_the_records(home):
    catalogue = CatalogueIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue)
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module)
    assert lesson.live and lesson.course == course
    item = CourseItem.objects.get(uuid=lesson.lesson_uuid)
    assert item.course_id == course.pk and item.is_active


def test_enrolment_factory_enrols_through_the_service(course):
    enrolment = EnrolmentFactory(course=course)
    assert enrolment.pk and enrolment.progress == 0
