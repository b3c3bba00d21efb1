"""The "My exports" page in the Wagtail admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_export_urls():
    patterns = [
        path(
            "",
            views.my_exports,
            {"template": "operations/admin/my_exports.html"},
            name="exports",
        ),
    ]
    return [path("exports/", include((patterns, "operations_admin"), namespace="operations_admin"))]


@hooks.register("register_admin_menu_item")
def my_exports_menu_item():
    return MenuItem(
        _("My exports"), reverse("operations_admin:exports"), icon_name="download", order=9000
    )
