"""Email notices to patrons: overdue, due soon, ready for pickup, hold expired.

:func:`send_notices` is what ``manage.py send_library_notices`` runs; schedule
it (cron, a systemd timer) every hour or once a day. It is idempotent: each
patron gets at most one overdue, due-soon or expiry notice a day (a
:class:`Notice` row is written in the same transaction as the mail is sent),
and a "ready for pickup" notice goes once per hold.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import services
from .conf import library_settings
from .models import Hold, Loan, Notice

logger = logging.getLogger(__name__)

SUBJECTS = {
    Notice.Kind.OVERDUE: "library/emails/overdue_subject.txt",
    Notice.Kind.DUE_SOON: "library/emails/due_soon_subject.txt",
    Notice.Kind.HOLD_READY: "library/emails/hold_ready_subject.txt",
    Notice.Kind.HOLD_EXPIRED: "library/emails/hold_expired_subject.txt",
}


def _send(patron, kind, items, today, *, loans=(), holds=()):
    """Send one notice; return True if it was sent now (False: no address, or already sent)."""
    address = patron.contact_email
    if not address:
        return False
    context = {"patron": patron, "loans": loans, "holds": holds, "today": today}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(SUBJECTS[kind], context).strip()
        body = render_to_string(f"library/emails/{kind}.txt", context)
    try:
        with transaction.atomic():
            Notice.objects.create(patron=patron, kind=kind, sent_on=today, items=items)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except IntegrityError:
        return False
    except OSError:  # SMTP errors included: not recorded, so the next run tries again
        logger.exception("Could not send the %s notice to patron %s", kind, patron.pk)
        return False
    return True


def send_notices(*, now=None):
    """Expire uncollected holds, then send every notice due; return counts by kind."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = defaultdict(int)

    for hold in services.expire_holds(now=now):
        hold = Hold.objects.select_related("patron__user", "material", "pickup_centre").get(
            pk=hold.pk
        )
        if _send(hold.patron, Notice.Kind.HOLD_EXPIRED, [hold.pk], today, holds=[hold]):
            sent[Notice.Kind.HOLD_EXPIRED] += 1

    open_loans = Loan.objects.filter(returned_at__isnull=True).select_related(
        "patron__user", "copy__material", "centre"
    )
    soon = now + timedelta(days=library_settings.DUE_SOON_DAYS)
    for kind, loans in (
        (Notice.Kind.OVERDUE, open_loans.filter(due_at__lt=now)),
        (Notice.Kind.DUE_SOON, open_loans.filter(due_at__gte=now, due_at__lt=soon)),
    ):
        already = set(
            Notice.objects.filter(kind=kind, sent_on=today).values_list("patron_id", flat=True)
        )
        by_patron = defaultdict(list)
        for loan in loans.exclude(patron_id__in=already).order_by("patron_id", "due_at"):
            by_patron[loan.patron].append(loan)
        for patron, patron_loans in by_patron.items():
            if _send(patron, kind, [loan.pk for loan in patron_loans], today, loans=patron_loans):
                sent[kind] += 1

    ready = (
        Hold.objects.filter(status=Hold.Status.READY, ready_notified_at__isnull=True)
        .select_related("patron__user", "material", "pickup_centre", "copy")
        .order_by("patron_id", "ready_at")
    )
    by_patron = defaultdict(list)
    for hold in ready:
        by_patron[hold.patron].append(hold)
    for patron, holds in by_patron.items():
        ids = [hold.pk for hold in holds]
        if not patron.contact_email:
            continue
        with transaction.atomic():
            # A patron may get a second "ready" notice the same day for a later hold.
            Notice.objects.filter(
                patron=patron, kind=Notice.Kind.HOLD_READY, sent_on=today
            ).delete()
            if _send(patron, Notice.Kind.HOLD_READY, ids, today, holds=holds):
                Hold.objects.filter(pk__in=ids).update(ready_notified_at=now)
                sent[Notice.Kind.HOLD_READY] += 1
    return dict(sent)
