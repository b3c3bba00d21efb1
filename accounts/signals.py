"""Receivers of the accounts app."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .templatetags.account_tags import ADMIN_ACCESS_SESSION_KEY


@receiver(user_logged_in, dispatch_uid="accounts.recheck_admin_access")
def recheck_admin_access(sender, request, user, **kwargs):
    """Signing in decides afresh whether the user bar is shown."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(ADMIN_ACCESS_SESSION_KEY, None)
