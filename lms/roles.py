"""The programme-manager role: sees every cohort and report, keeps organisation data and targets."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

PROGRAMME_MANAGERS = "Programme managers"

MANAGER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("lms", "view_all_reports"),
    *[
        ("lms", f"{action}_{model}")
        for model in ("cohort", "institution", "district", "target")
        for action in ("add", "change", "delete", "view")
    ],
    ("lms", "revoke_certificate"),
    ("lms", "complete_for_learner"),
]


@transaction.atomic
def ensure_programme_managers():
    group, _created = Group.objects.get_or_create(name=PROGRAMME_MANAGERS)
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in MANAGER_PERMISSIONS
        ]
    )
    return group
