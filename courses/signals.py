"""Signal handlers that keep the learning records' course structure current."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CoursePage, LessonPage, ModulePage
from .structure import course_of, register_lesson, sync_course, withdraw_lessons


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, LessonPage):
        register_lesson(instance)
    elif isinstance(instance, CoursePage | ModulePage):
        sync_course(course_of(instance))


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, LessonPage):
        withdraw_lessons([instance])
    elif isinstance(instance, ModulePage | CoursePage):
        course = course_of(instance)
        if course is not None:
            course.refresh_from_db(fields=["live"])
            sync_course(course)


@receiver(post_page_move)
def on_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    instance = instance.specific
    if not isinstance(instance, CoursePage | ModulePage | LessonPage):
        return
    if isinstance(instance, CoursePage):
        sync_course(CoursePage.objects.get(pk=instance.pk))
        return
    courses = {course_of(parent_page_before), course_of(parent_page_after)}
    for course in courses - {None}:
        sync_course(course)


@receiver(post_delete, sender=LessonPage)
def on_lesson_deleted(sender, instance, **kwargs):
    transaction.on_commit(lambda: withdraw_lessons([instance]))
