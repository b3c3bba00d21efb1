"""Background work of the accounts app: the password-reset email.

The reset form answers at once and leaves the look-up of the address, the
token and the email to :func:`send_password_reset`, so a request for a known
address does the same work, in the same time, as one for an unknown address
(nobody can tell from the answer's timing whether an account exists).
"""

from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django_tasks import task


@task()
def send_password_reset(
    email, *, domain, site_name, use_https, language, templates, from_email, extra_context
):
    """Email a reset link to each active account with ``email``; nothing if there is none.

    ``templates`` holds the view's ``subject_template_name``,
    ``email_template_name`` and ``html_email_template_name``. A task run twice
    (a retried worker) sends a second link; either works until one is used.
    """
    form = PasswordResetForm(data={"email": email})
    if not form.is_valid():
        return
    with translation.override(language):
        # Django's own loop, with the site the request was made to.
        form.save(
            domain_override=domain,
            use_https=use_https,
            from_email=from_email,
            extra_email_context={**extra_context, "site_name": site_name},
            **templates,
        )
