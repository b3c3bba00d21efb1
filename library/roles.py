"""The "Resource centre staff" group and what it may do in the Wagtail admin.

Membership of the group gives the admin permissions (catalogue, copies,
patrons); which centres' desks a member runs is decided per centre by
:class:`library.models.CentreStaff` (edited on the centre in the admin).
``seed_library`` calls :func:`ensure_staff_group`; a production site runs
``manage.py setup_library_roles``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

STAFF_GROUP = "Resource centre staff"

# Marked for translation so the name appears in the message catalogue.
ROLE_LABELS = {STAFF_GROUP: _("Resource centre staff")}

STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
    ("library", "add_material"),
    ("library", "change_material"),
    ("library", "view_material"),
    ("library", "add_copy"),
    ("library", "change_copy"),
    ("library", "view_copy"),
    ("library", "add_patron"),
    ("library", "change_patron"),
    ("library", "view_patron"),
    ("library", "add_subject"),
    ("library", "view_subject"),
    ("library", "view_centre"),
    ("library", "view_loanrule"),
]


@transaction.atomic
def ensure_staff_group():
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in STAFF_PERMISSIONS
        ]
    )
    return group
