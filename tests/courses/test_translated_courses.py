"""A course can exist in Azerbaijani, Russian and English (Wagtail localisation).

Learners get the tree of their language at the same addresses: Wagtail
routes through the translation of the site's root page for the active
language, and falls back to the original where there is no translation.
"""

import pytest
from wagtail.models import Locale

from courses.models import CoursePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_course(home, catalogue, course):
    russian = Locale.objects.get(language_code="ru")
    home.copy_for_translation(russian).save_revision().publish()
    catalogue.copy_for_translation(russian).save_revision().publish()
    translation = course.copy_for_translation(russian)
    translation.title = "Инклюзивные классы"
    translation.language = "ru"
    translation.save_revision().publish()
    return translation


def test_the_three_content_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"az", "ru", "en"}


def test_a_russian_learner_sees_the_russian_course_at_the_same_address(
    client, russian_course, course
):
    client.cookies["django_language"] = "ru"
    titles = [c.title for c in client.get("/courses/").context["courses"]]
    assert titles == ["Инклюзивные классы"]
    assert "Инклюзивные классы" in client.get(course.url).content.decode()


def test_other_learners_keep_the_original(client, russian_course, course):
    titles = [c.title for c in client.get("/courses/").context["courses"]]
    assert titles == [course.title]
    client.cookies["django_language"] = "az"  # no Azerbaijani translation: the original
    assert [c.title for c in client.get("/courses/").context["courses"]] == [course.title]


def test_a_translated_course_is_a_page_of_its_own_linked_to_the_original(russian_course, course):
    assert russian_course.translation_key == course.translation_key
    assert CoursePage.objects.filter(translation_key=course.translation_key).count() == 2


def test_a_translated_course_is_completed_by_passing_its_own_final_assessment(
    home, catalogue, course
):
    """wagtail-localize copies the course's link to its final assessment as it is (a page
    link); the translated course's learners take the translated quiz, which is the one
    that must be passed, once it is translated."""
    from courses.factories import LessonPageFactory
    from lms.models import CompletionRule, CourseRules
    from tests.lms.test_completion_rules import quiz_body

    module = course.get_modules().first()
    quiz = LessonPageFactory(
        parent=module, completion_rule=CompletionRule.ON_PASS, body=quiz_body()
    )
    course.final_assessment = quiz
    course.save_revision().publish()
    russian = Locale.objects.get(language_code="ru")
    for page in (home, catalogue, course):
        page.copy_for_translation(russian).save_revision().publish()
    translated_course = course.get_translation(russian)
    assert translated_course.final_assessment_id == quiz.pk
    # Until its quiz is translated, the translated course waits for the source's.
    assert CourseRules.objects.get(course=translated_course).final_assessment_id == quiz.lesson_uuid

    module.copy_for_translation(russian).save_revision().publish()
    translated_quiz = quiz.copy_for_translation(russian)
    translated_quiz.save_revision().publish()
    rules = CourseRules.objects.get(course=translated_course)
    assert rules.final_assessment_id == translated_quiz.lesson_uuid != quiz.lesson_uuid
    assert CourseRules.objects.get(course=course).final_assessment_id == quiz.lesson_uuid
