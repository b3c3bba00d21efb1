"""Course review: one approval publishes a new course with its modules and lessons."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.models import CourseReviewTask, pages_going_live
from courses.roles import (
    LEGACY_TASK_NAME,
    REVIEWERS,
    TRAINERS,
    WORKFLOW_NAME,
    ensure_authoring_roles,
)
from lms.models import CourseItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(catalogue):
    ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    reviewer = UserFactory(username="reviewer")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    return trainer, reviewer


def draft(factory, parent, user, **kwargs):
    """A page a trainer created and saved as a draft in the admin."""
    page = factory(parent=parent, publish=False, live=False, **kwargs)
    page.save_revision(user=user)
    return page


@pytest.fixture
def new_course(catalogue, roles):
    """A trainer's new course (draft) with a draft module and two draft lessons."""
    trainer, _reviewer = roles
    course = draft(CoursePageFactory, catalogue, trainer, title="Working with parents")
    module = draft(ModulePageFactory, course, trainer, title="First meeting")
    draft(LessonPageFactory, module, trainer, title="Listening first")
    draft(LessonPageFactory, module, trainer, title="Planning together")
    return course


def submit(page, user):
    page.refresh_from_db()
    return page.get_workflow().start(page, user)


def live_titles(course):
    pages = Page.objects.descendant_of(course, inclusive=True).live()
    return sorted(pages.values_list("title", flat=True))


def approve_url(page, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def test_the_trainer_review_workflow_is_a_course_review(catalogue, roles):
    workflow = catalogue.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1 and isinstance(tasks[0], CourseReviewTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == [REVIEWERS]


def test_approving_a_new_course_publishes_its_modules_and_lessons(new_course, roles):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    assert live_titles(new_course) == [
        "First meeting",
        "Listening first",
        "Planning together",
        "Working with parents",
    ]
    # The learning records count the lessons at once: the course is enrollable.
    assert CourseItem.objects.filter(course_id=new_course.pk, is_active=True).count() == 2


def test_a_lesson_in_its_own_review_is_left_to_that_review(new_course, roles):
    trainer, reviewer = roles
    own = Page.objects.get(title="Planning together")
    submit(own, trainer)
    assert [page.title for page in pages_going_live(new_course)] == [
        "First meeting",
        "Listening first",
    ]
    state = submit(new_course, trainer)
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")
    own.refresh_from_db()
    assert not own.live
    assert own.current_workflow_state.status == "in_progress"


def test_nothing_goes_live_under_a_module_that_stays_a_draft(new_course, roles):
    trainer, _reviewer = roles
    module = Page.objects.get(title="First meeting")
    submit(module, trainer)
    assert pages_going_live(new_course) == []


def test_a_live_lesson_with_a_new_draft_goes_live_with_the_course_changes(catalogue, roles):
    trainer, reviewer = roles
    course = CoursePageFactory(parent=catalogue)
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module, title="Old title")
    lesson.title = "New title"
    lesson.save_revision(user=trainer)
    course.save_revision(user=trainer)
    assert [page.pk for page in pages_going_live(course)] == [lesson.pk]
    state = submit(course, trainer)
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "New title" and not lesson.has_unpublished_changes


def test_a_lesson_approved_alone_publishes_only_itself(new_course, roles):
    trainer, reviewer = roles
    lesson = Page.objects.get(title="Listening first")
    task = CourseReviewTask.objects.get()
    # Lessons keep Wagtail's plain approval buttons: nothing under them goes live.
    assert task.get_actions(lesson, reviewer)[-1] == ("approve", "Approve with comment", True)
    assert pages_going_live(lesson) == []


def test_requesting_changes_publishes_nothing(new_course, roles):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject", comment="Add outcomes")
    assert live_titles(new_course) == []


def test_the_reviewer_sees_what_goes_live_before_approving(client, new_course, roles):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    client.force_login(reviewer)
    response = client.get(approve_url(new_course, state.current_task_state))
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert "Approving publishes this page and the pages under it listed below (3):" in html
    for title in ("First meeting", "Listening first", "Planning together"):
        assert title in html
    for page in Page.objects.descendant_of(new_course):
        assert f'name="pages" value="{page.pk}"' in html


def test_the_editor_offers_one_approval_through_the_dialog(client, new_course, roles):
    trainer, reviewer = roles
    submit(new_course, trainer)
    task = CourseReviewTask.objects.get()
    assert task.get_actions(new_course, reviewer) == [
        ("reject", "Request changes", True),
        ("approve", "Approve", True),
    ]
    client.force_login(reviewer)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[new_course.pk]))
    assert response.status_code == 200
    assert "Approve and Publish" in response.content.decode()
    assert "Approve with comment" not in response.content.decode()


def test_the_reviewer_approves_in_the_admin_and_the_course_goes_live_with_its_pages(
    client, new_course, roles
):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    shown = list(Page.objects.descendant_of(new_course).values_list("pk", flat=True))
    client.force_login(reviewer)
    response = client.post(
        approve_url(new_course, state.current_task_state),
        {"comment": "Ready for Guba", "pages": shown},
    )
    assert response.status_code == 302
    assert len(live_titles(new_course)) == 4
    state.refresh_from_db()
    assert state.status == "approved"


def test_only_the_pages_shown_to_the_reviewer_go_live(client, new_course, roles):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    module = Page.objects.get(title="First meeting")
    shown = [module.pk, Page.objects.get(title="Listening first").pk]
    # Added after the reviewer opened the dialog: not seen, so not published.
    late = draft(LessonPageFactory, module, trainer, title="Added later")
    client.force_login(reviewer)
    client.post(approve_url(new_course, state.current_task_state), {"pages": shown})
    assert live_titles(new_course) == ["First meeting", "Listening first", "Working with parents"]
    late.refresh_from_db()
    assert not late.live


def test_an_unreadable_list_of_pages_is_refused_and_nothing_goes_live(client, new_course, roles):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    client.force_login(reviewer)
    response = client.post(
        approve_url(new_course, state.current_task_state),
        {"pages": ["1; DROP TABLE"]},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert "The list of pages to publish was not understood." in html
    assert live_titles(new_course) == []


def test_setting_up_roles_replaces_the_old_group_approval_and_moves_waiting_reviews_on(
    catalogue, roles
):
    trainer, reviewer = roles
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    WorkflowTask.objects.filter(workflow=workflow).delete()
    legacy = GroupApprovalTask.objects.create(name=LEGACY_TASK_NAME)
    legacy.groups.add(Group.objects.get(name=REVIEWERS))
    WorkflowTask.objects.create(workflow=workflow, task=legacy, sort_order=0)
    course = draft(CoursePageFactory, catalogue, trainer)
    state = submit(course, trainer)
    assert state.current_task_state.task.specific == legacy

    ensure_authoring_roles(catalogue)

    assert [task.specific.__class__ for task in workflow.tasks] == [CourseReviewTask]
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert isinstance(state.current_task_state.task.specific, CourseReviewTask)


def test_the_reviewers_dashboard_opens_the_approval_dialog(client, new_course, roles):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    client.force_login(reviewer)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Working with parents" in content
    # The dashboard's "Approve" opens the dialog (data-launch-modal); it does not post at once.
    url = approve_url(new_course, state.current_task_state)
    assert f'data-workflow-action-url="{url}" data-launch-modal' in content


def test_a_listed_lesson_stays_a_draft_when_its_module_was_not_listed(client, new_course, roles):
    trainer, reviewer = roles
    state = submit(new_course, trainer)
    client.force_login(reviewer)
    lesson = Page.objects.get(title="Listening first")
    client.post(approve_url(new_course, state.current_task_state), {"pages": [lesson.pk]})
    assert live_titles(new_course) == ["Working with parents"]
