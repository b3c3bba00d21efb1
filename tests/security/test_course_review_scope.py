"""Course review: only the task's reviewers approve, and only what they were shown goes live."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.roles import REVIEWERS, TRAINERS, ensure_authoring_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(catalogue):
    ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    course = CoursePageFactory(parent=catalogue, publish=False, live=False)
    module = ModulePageFactory(parent=course, publish=False, live=False)
    LessonPageFactory(parent=module, publish=False, live=False)
    for page in (course, module, *module.get_children()):
        page.specific.save_revision(user=trainer)
    course.refresh_from_db()
    state = course.get_workflow().start(course, trainer)
    return course, trainer, state.current_task_state


def approve_url(course, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[course.pk, "approve", task_state.pk])


def nothing_live(course):
    return not Page.objects.descendant_of(course, inclusive=True).live().exists()


def test_a_trainer_who_is_not_a_reviewer_cannot_approve_the_course(client, submitted):
    course, trainer, task_state = submitted
    client.force_login(trainer)
    pages = list(Page.objects.descendant_of(course).values_list("pk", flat=True))
    response = client.post(approve_url(course, task_state), {"pages": pages})
    # Wagtail's admin answers a PermissionDenied with a redirect to its home page.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert nothing_live(course)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


def test_a_trainer_cannot_open_the_approval_dialog(client, submitted):
    course, trainer, task_state = submitted
    client.force_login(trainer)
    response = client.get(approve_url(course, task_state))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_reviewer_cannot_publish_a_page_outside_the_course_by_listing_it(
    client, catalogue, submitted
):
    course, trainer, task_state = submitted
    other = CoursePageFactory(parent=catalogue, publish=False, live=False)
    other.save_revision(user=trainer)
    reviewer = UserFactory()
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    client.force_login(reviewer)
    pages = list(Page.objects.descendant_of(course).values_list("pk", flat=True))
    client.post(approve_url(course, task_state), {"pages": [*pages, other.pk]})
    other.refresh_from_db()
    assert not other.live
    assert Page.objects.descendant_of(course, inclusive=True).live().count() == 3
