"""The email that invites a new account made by a cohort import to set its password.

Sent by the task :func:`lms.tasks.send_import_invitations`, which the import
(:mod:`lms.imports`) enqueues; it lives apart from both so that the task needs
nothing of the import.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _


def invitation_message(user, cohort, base_url):
    """The email inviting a new account of ``cohort`` to set its password."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    body = render_to_string(
        "lms/email/invitation.txt",
        {"user": user, "cohort": cohort, "link": base_url.rstrip("/") + path},
    )
    return EmailMessage(
        subject=_("You are invited to %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
        body=body,
        to=[user.email],
    )
