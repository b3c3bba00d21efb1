"""Admin wiring of accounts: erasing a person's data from the users listing."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import views


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("privacy/erase/<int:pk>/", views.erase_user, name="accounts_erase_user")]


@hooks.register("register_user_listing_buttons")
def erase_button(user, request_user):
    if request_user.has_perm("accounts.delete_user") and user.pk != request_user.pk:
        yield ListingButton(
            _("Erase personal data"),
            reverse("accounts_erase_user", args=[user.pk]),
            priority=90,
        )


@hooks.register("register_log_actions")
def register_accounts_log_actions(actions):
    actions.register_action(
        "accounts.erase_personal_data",
        _("Erase personal data"),
        _("Erased a person's personal data"),
    )
