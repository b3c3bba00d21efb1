"""The authoring roles: trainers write courses, reviewers approve and publish them.

``ensure_authoring_roles(catalogue)`` is idempotent: it creates the groups,
their page permissions on the catalogue, and a "Trainer review" workflow
(Wagtail's own moderation) assigned to the catalogue. ``seed_demo`` calls it;
a production site runs ``manage.py setup_authoring_roles``.
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

TRAINERS = "Trainers"
REVIEWERS = "Course reviewers"
WORKFLOW_NAME = "Trainer review"

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
    task, _created = GroupApprovalTask.objects.get_or_create(name="Review by a course reviewer")
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})
    return trainers, reviewers, workflow
