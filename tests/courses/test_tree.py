"""The course tree can only be built the right way, and lessons keep their identity."""

import pytest
from wagtail.models import Page

from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.models import CatalogueIndexPage, CoursePage, LessonPage, ModulePage
from lms import services
from lms.models import CourseItem, LessonProgress, Verb
from pages.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (CoursePage, CatalogueIndexPage, True),
        (ModulePage, CoursePage, True),
        (LessonPage, ModulePage, True),
        (LessonPage, CoursePage, False),
        (LessonPage, CatalogueIndexPage, False),
        (ModulePage, CatalogueIndexPage, False),
        (CoursePage, HomePage, False),
        (CoursePage, ModulePage, False),
        (CatalogueIndexPage, HomePage, True),
    ],
)
def test_page_types_only_go_where_they_belong(child, parent, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed


def test_a_lesson_cannot_be_created_directly_under_a_course(course, lessons):
    assert not LessonPage.can_create_at(course)
    assert LessonPage.can_create_at(lessons[0].get_parent())
    assert not lessons[0].can_move_to(course)


def test_lessons_have_no_children():
    assert LessonPage.allowed_subpage_models() == []


def test_every_lesson_gets_its_own_stable_uuid(lessons):
    assert len({lesson.lesson_uuid for lesson in lessons}) == len(lessons)


def test_a_moved_lesson_keeps_its_uuid_and_its_learners_records(learner, enrolled, course, lessons):
    lesson = lessons[0]
    services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    target_module = lessons[2].get_parent()
    lesson.move(target_module, pos="last-child")
    lesson.refresh_from_db()
    item = CourseItem.objects.get(uuid=lesson.lesson_uuid)
    assert item.module_id == target_module.pk
    assert item.path == lesson.path
    assert LessonProgress.objects.get(learner=learner).item_id == lesson.lesson_uuid


def test_a_lesson_moved_to_another_course_counts_there(catalogue, course, lessons):
    other = CoursePageFactory(parent=catalogue)
    module = ModulePageFactory(parent=other)
    lessons[0].move(module, pos="last-child")
    item = CourseItem.objects.get(uuid=lessons[0].lesson_uuid)
    assert item.course_id == other.pk
    assert item.is_active


def test_a_copied_lesson_gets_a_new_uuid_so_both_are_tracked_apart(lessons):
    lesson = lessons[0]
    copy = lesson.copy(update_attrs={"slug": "article-24-copy", "title": "Copy"})
    copy = LessonPage.objects.get(pk=copy.pk)
    assert copy.lesson_uuid != lesson.lesson_uuid
    copy.save_revision().publish()
    assert CourseItem.objects.filter(uuid=copy.lesson_uuid, is_active=True).exists()


def test_a_copied_course_keeps_working_after_its_draft_is_published(catalogue, course):
    copy = course.copy(
        recursive=True, to=catalogue, update_attrs={"slug": "inclusive-2027", "title": "2027"}
    )
    copied_lessons = LessonPage.objects.descendant_of(copy)
    originals = {lesson.lesson_uuid for lesson in course.get_lessons()}
    assert originals.isdisjoint({lesson.lesson_uuid for lesson in copied_lessons})
    for lesson in copied_lessons:
        lesson.get_latest_revision().publish()
    assert CourseItem.objects.filter(course=copy).count() == copied_lessons.count()


def test_publishing_registers_a_lesson_and_unpublishing_withdraws_it(course, lessons):
    lesson = LessonPageFactory(parent=lessons[0].get_parent())
    assert CourseItem.objects.get(uuid=lesson.lesson_uuid).is_active
    lesson.unpublish()
    assert not CourseItem.objects.get(uuid=lesson.lesson_uuid).is_active


def test_unpublishing_a_module_withdraws_its_lessons(course, lessons):
    module = lessons[0].get_parent().specific
    module.unpublish()
    module_lessons = [lesson for lesson in lessons if lesson.get_parent().pk == module.pk]
    assert not CourseItem.objects.filter(
        uuid__in=[lesson.lesson_uuid for lesson in module_lessons], is_active=True
    ).exists()


def test_deleting_a_lesson_keeps_its_records_but_stops_counting_it(
    django_capture_on_commit_callbacks, learner, enrolled, lessons
):
    lesson = lessons[0]
    services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=lesson.pk).delete()
    item = CourseItem.objects.get(uuid=lesson.lesson_uuid)
    assert not item.is_active and item.page_id is None
    assert LessonProgress.objects.filter(item=item).exists()
