"""The authoring roles: trainers write courses, reviewers approve and publish them.

``ensure_authoring_roles(catalogue)`` is idempotent: it creates the groups,
their page permissions on the catalogue, and a "Trainer review" workflow
(Wagtail's own moderation) assigned to the catalogue, whose one task is a
course review (:class:`courses.models.CourseReviewTask`): approving a course
publishes its new modules and lessons with it. ``seed_demo`` calls it; a
production site runs ``manage.py setup_authoring_roles``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import CourseReviewTask

TRAINERS = "Trainers"
REVIEWERS = "Course reviewers"
WORKFLOW_NAME = "Trainer review"
TASK_NAME = "Course review"
# The plain group approval that earlier set-ups used; the course review replaces it.
LEGACY_TASK_NAME = "Review by a course reviewer"

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
REVIEWER_PAGE_PERMISSIONS = TRAINER_PAGE_PERMISSIONS + ["publish_page"]
ADMIN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("lms", "revoke_certificate"),
    ("lms", "complete_for_learner"),
    ("lms", "view_cohort"),
    ("lms", "change_cohort"),
    # Interactive content: trainers bring their own packages (docs/deployment.md,
    # "Trust in uploaded packages": their scripts run for whoever plays them).
    ("h5p", "add_h5pactivity"),
    ("h5p", "change_h5pactivity"),
    ("scorm", "add_scormpackage"),
    ("scorm", "change_scormpackage"),
]

# Marked for translation so the names appear in the message catalogue.
ROLE_LABELS = {TRAINERS: _("Trainers"), REVIEWERS: _("Course reviewers")}


@transaction.atomic
def ensure_authoring_roles(catalogue):
    trainers, _created = Group.objects.get_or_create(name=TRAINERS)
    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS)
    admin_permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in ADMIN_PERMISSIONS
    ]
    for group, page_permissions in (
        (trainers, TRAINER_PAGE_PERMISSIONS),
        (reviewers, REVIEWER_PAGE_PERMISSIONS),
    ):
        group.permissions.add(*admin_permissions)
        for codename in page_permissions:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=catalogue, permission=permission
            )

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task, _created = CourseReviewTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    replace_legacy_task(workflow)
    WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})
    return trainers, reviewers, workflow


def replace_legacy_task(workflow):
    """Take the old group approval out of the workflow; reviews waiting on it move on.

    Deactivating the task cancels its waiting task states, and Wagtail then
    starts the workflow's next task, the course review, on the same revision.
    """
    for link in WorkflowTask.objects.filter(workflow=workflow, task__name=LEGACY_TASK_NAME):
        legacy = link.task.specific
        if not isinstance(legacy, GroupApprovalTask):
            continue
        link.delete()
        if not legacy.workflow_tasks.exists():
            legacy.deactivate()
