"""Authoring: trainer and reviewer roles, the review workflow, and the delete guard."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory
from courses.models import CoursePage
from courses.roles import REVIEWERS, TRAINERS, WORKFLOW_NAME, ensure_authoring_roles
from lms import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(catalogue):
    ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    reviewer = UserFactory(username="reviewer")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    return trainer, reviewer


def test_setting_up_roles_twice_changes_nothing(catalogue, roles):
    counts = (Group.objects.count(), catalogue.group_permissions.count())
    ensure_authoring_roles(catalogue)
    assert (Group.objects.count(), catalogue.group_permissions.count()) == counts


def test_trainers_write_courses_but_only_reviewers_publish(catalogue, course, roles):
    trainer, reviewer = roles
    trainer_perms = course.permissions_for_user(trainer)
    assert catalogue.permissions_for_user(trainer).can_add_subpage()
    assert trainer_perms.can_edit() and not trainer_perms.can_publish()
    assert course.permissions_for_user(reviewer).can_publish()


def test_learners_cannot_reach_the_admin(client, learner):
    client.force_login(learner)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302


def test_a_trainer_opens_the_course_editor(client, catalogue, roles):
    trainer, _reviewer = roles
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])
    assert client.get(url).status_code == 200


def test_a_trainers_course_goes_through_review_before_it_is_live(catalogue, roles):
    trainer, reviewer = roles
    workflow = catalogue.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    course = CoursePageFactory(parent=catalogue, publish=False, live=False)
    course.save_revision(user=trainer)
    state = workflow.start(course, trainer)
    course.refresh_from_db()
    assert not course.live
    assert state.status == state.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(course, reviewer)
    assert not task_state.task.specific.get_actions(course, trainer)
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    course.refresh_from_db()
    assert course.live


def test_a_course_with_learners_cannot_be_deleted(admin_client, course, learner):
    services.enrol(learner, course)
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))
    assert response.status_code == 302
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_course_without_learners_can_be_deleted(admin_client, course):
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))
    assert not Page.objects.filter(pk=course.pk).exists()
