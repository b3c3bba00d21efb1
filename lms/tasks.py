"""Background work of the learning records (django-tasks).

Each task may run more than once (a retried enqueue, a worker killed and its
task requeued): its effect is guarded by :func:`operations.effects.run_once`.
Tasks take ids, not objects, and read the rows afresh.
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from operations.effects import run_once

from .invitations import invitation_message
from .models import Certificate


def certificate_pdf_name(certificate):
    return f"certificates/certificate-{certificate.code}.pdf"


@task()
def send_certificate_email(certificate_id):
    """Email the learner that their certificate is ready (once per certificate)."""
    from .notifications import send_certificate_ready

    return run_once(
        f"certificate-email:{certificate_id}", lambda: send_certificate_ready(certificate_id)
    )


@task()
def render_certificate_pdf(certificate_id):
    """Store the certificate's PDF in media storage, so downloads need no rendering."""
    from . import pdf
    from .notifications import absolute

    certificate = Certificate.objects.filter(pk=certificate_id, revoked_at__isnull=True).first()
    if certificate is None:
        return False
    name = certificate_pdf_name(certificate)

    def store():
        # A run killed after writing the file but before committing left it behind.
        if default_storage.exists(name):
            default_storage.delete(name)
        content = pdf.certificate_pdf(certificate, absolute(certificate.get_verify_url()))
        default_storage.save(name, ContentFile(content))

    return run_once(f"certificate-pdf:{certificate_id}", store)


@task()
def send_import_invitations(user_ids, cohort_id, base_url):
    """Invite the new accounts of a cohort import to set their password (once each)."""
    from django.contrib.auth import get_user_model

    from .models import Cohort

    cohort = Cohort.objects.get(pk=cohort_id)
    users = get_user_model().objects.filter(pk__in=user_ids).exclude(email="")
    sent = 0
    with get_connection() as connection:
        for user in users:
            message = invitation_message(user, cohort, base_url)
            message.connection = connection
            if run_once(f"import-invitation:{cohort_id}:{user.pk}", message.send):
                sent += 1
    return sent


# Where the cohort-import view keeps an uploaded file between its preview and
# the trainer's confirmation (see lms.admin_views.import_learners).
IMPORT_PREVIEWS = "cohort-imports"
KEEP_IMPORT_PREVIEWS = timedelta(days=1)


@task()
def prune_import_previews():
    """Delete cohort-import files never confirmed, a day after upload; return how many.

    The files hold learners' names and email addresses; a preview the trainer
    left unconfirmed would otherwise stay in media storage for ever. A preview
    older than a day answers "upload the file again" (the view's own message).
    """
    cutoff = timezone.now() - KEEP_IMPORT_PREVIEWS
    try:
        _folders, names = default_storage.listdir(IMPORT_PREVIEWS)
    except FileNotFoundError:  # no import was ever previewed here
        return 0
    removed = 0
    for name in names:
        path = f"{IMPORT_PREVIEWS}/{name}"
        try:
            if default_storage.get_modified_time(path) >= cutoff:
                continue
            default_storage.delete(path)
        except FileNotFoundError:  # confirmed (and deleted by the view) meanwhile
            continue
        removed += 1
    return removed
