"""Admin wiring of the learning records: certificates and completions by hand."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views


def admin_urlpatterns():
    return [
        path("certificates/", admin_views.certificate_index, name="certificates"),
        path("certificates/<int:pk>/revoke/", admin_views.certificate_revoke, name="revoke"),
        path("complete/", admin_views.complete_for_learner, name="complete"),
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("learning/", include((admin_urlpatterns(), "lms_admin"), namespace="lms_admin"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


learning_menu = Menu(
    register_hook_name="register_learning_records_menu_item", construct_hook_name=None
)


@hooks.register("register_learning_records_menu_item")
def certificates_menu_item():
    return PermissionMenuItem(
        _("Certificates"),
        reverse("lms_admin:certificates"),
        icon_name="doc-full",
        permission="lms.revoke_certificate",
    )


@hooks.register("register_learning_records_menu_item")
def complete_menu_item():
    return PermissionMenuItem(
        _("Complete a course for a learner"),
        reverse("lms_admin:complete"),
        icon_name="success",
        permission="lms.complete_for_learner",
    )


@hooks.register("register_admin_menu_item")
def learning_records_menu():
    return SubmenuMenuItem(
        _("Learning records"), learning_menu, icon_name="group", name="learning-records", order=250
    )
