"""Circulation records: loans, holds, transfers, stock-takes and the notices sent.

Only :mod:`library.services` writes these rows. Loans are history: they are
closed (``returned_at``), never deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .catalogue import Centre, Copy, Material
from .people import Patron


class Loan(models.Model):
    """One copy lent to one patron, from checkout until it comes back (or is lost).

    A partial unique constraint makes a second open loan of the same copy
    impossible, whatever the application does.
    """

    class Outcome(models.TextChoices):
        RETURNED = "returned", _("Returned")
        LOST = "lost", _("Lost")

    copy = models.ForeignKey(
        Copy, verbose_name=_("copy"), on_delete=models.PROTECT, related_name="loans"
    )
    patron = models.ForeignKey(
        Patron, verbose_name=_("patron"), on_delete=models.PROTECT, related_name="loans"
    )
    centre = models.ForeignKey(
        Centre, verbose_name=_("lent at"), on_delete=models.PROTECT, related_name="loans"
    )
    issued_at = models.DateTimeField(_("lent on"), default=timezone.now)
    due_at = models.DateTimeField(_("due"))
    renewals = models.PositiveSmallIntegerField(_("renewals"), default=0)
    returned_at = models.DateTimeField(_("returned on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("returned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["copy"],
                condition=Q(returned_at__isnull=True),
                name="library_one_open_loan_per_copy",
            )
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=Q(returned_at__isnull=True),
                name="library_open_loans_due",
            ),
            models.Index(fields=["patron", "returned_at"], name="library_loan_patron"),
            models.Index(fields=["centre", "issued_at"], name="library_loan_centre_issued"),
        ]

    def __str__(self):
        return f"{self.copy.barcode} → {self.patron}"

    @property
    def is_open(self):
        return self.returned_at is None

    @property
    def is_overdue(self):
        return self.returned_at is None and self.due_at < timezone.now()


class Hold(models.Model):
    """A patron's place in the queue for a material, to collect at a pickup centre.

    The queue is first come, first served by ``placed_at``. When a copy is
    set aside the hold is ``in_transit`` (on its way to the pickup centre) or
    ``ready`` (on the hold shelf until ``expires_at``).
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        IN_TRANSIT = "in_transit", _("Copy on its way")
        READY = "ready", _("Ready for pickup")
        FULFILLED = "fulfilled", _("Collected")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    ACTIVE = (Status.WAITING, Status.IN_TRANSIT, Status.READY)

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.PROTECT, related_name="holds"
    )
    patron = models.ForeignKey(
        Patron, verbose_name=_("patron"), on_delete=models.PROTECT, related_name="holds"
    )
    pickup_centre = models.ForeignKey(
        Centre, verbose_name=_("pickup centre"), on_delete=models.PROTECT, related_name="holds"
    )
    placed_at = models.DateTimeField(_("placed on"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    # The copy set aside for this hold, once there is one.
    copy = models.ForeignKey(
        Copy,
        verbose_name=_("copy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="holds",
    )
    ready_at = models.DateTimeField(_("ready on"), null=True, blank=True)
    expires_at = models.DateTimeField(_("collect by"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    # Set when the "ready for pickup" email went out, so it goes once per hold.
    ready_notified_at = models.DateTimeField(_("pickup notice sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("hold")
        verbose_name_plural = _("holds")
        ordering = ["placed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["patron", "material"],
                condition=Q(status__in=["waiting", "in_transit", "ready"]),
                name="library_one_active_hold_per_material",
            ),
            models.UniqueConstraint(
                fields=["copy"],
                condition=Q(status__in=["in_transit", "ready"]),
                name="library_copy_set_aside_once",
            ),
        ]
        indexes = [
            models.Index(fields=["material", "status", "placed_at"], name="library_hold_queue"),
            models.Index(fields=["pickup_centre", "status"], name="library_hold_pickup"),
        ]

    def __str__(self):
        return f"{self.material} · {self.patron}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE


class Transfer(models.Model):
    """A copy sent from one centre to another: to fill a hold, go home, or rebalance stock."""

    class Reason(models.TextChoices):
        HOLD = "hold", _("For a hold")
        RETURN_HOME = "return_home", _("Back to its home centre")
        MANUAL = "manual", _("Sent by staff")

    copy = models.ForeignKey(
        Copy, verbose_name=_("copy"), on_delete=models.PROTECT, related_name="transfers"
    )
    from_centre = models.ForeignKey(
        Centre, verbose_name=_("from"), on_delete=models.PROTECT, related_name="transfers_out"
    )
    to_centre = models.ForeignKey(
        Centre, verbose_name=_("to"), on_delete=models.PROTECT, related_name="transfers_in"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    hold = models.ForeignKey(
        Hold,
        verbose_name=_("hold"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transfers",
    )
    sent_at = models.DateTimeField(_("sent on"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField(_("received on"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["copy"],
                condition=Q(received_at__isnull=True),
                name="library_one_open_transfer_per_copy",
            )
        ]
        indexes = [
            models.Index(fields=["to_centre", "received_at"], name="library_transfer_incoming"),
        ]

    def __str__(self):
        return f"{self.copy.barcode}: {self.from_centre} → {self.to_centre}"


class StockTake(models.Model):
    """A count of the shelves of one centre: the barcodes found there, compared with the records."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="stocktakes"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("stock-take")
        verbose_name_plural = _("stock-takes")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.centre} · {self.started_at:%Y-%m-%d}"


class StockTakeScan(models.Model):
    """One barcode found on the shelves during a stock-take (unknown barcodes are kept too)."""

    stocktake = models.ForeignKey(
        StockTake, verbose_name=_("stock-take"), on_delete=models.CASCADE, related_name="scans"
    )
    barcode = models.CharField(_("barcode"), max_length=40)
    copy = models.ForeignKey(
        Copy,
        verbose_name=_("copy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scanned_at = models.DateTimeField(_("scanned"), default=timezone.now)

    class Meta:
        verbose_name = _("stock-take scan")
        verbose_name_plural = _("stock-take scans")
        constraints = [
            models.UniqueConstraint(
                fields=["stocktake", "barcode"], name="library_stocktake_scan_once"
            )
        ]

    def __str__(self):
        return self.barcode


class Notice(models.Model):
    """An email sent to a patron: overdue, due-soon and expiry notices go at most once a day;
    "ready for pickup" once per hold (see ``Hold.ready_notified_at``)."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", _("Overdue")
        DUE_SOON = "due_soon", _("Due soon")
        HOLD_READY = "hold_ready", _("Ready for pickup")
        HOLD_EXPIRED = "hold_expired", _("Hold expired")

    patron = models.ForeignKey(
        Patron, verbose_name=_("patron"), on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    # What the notice was about, for the record: loan and hold ids.
    items = models.JSONField(_("items"), default=list)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.UniqueConstraint(
                fields=["patron", "kind", "sent_on"],
                condition=~Q(kind="hold_ready"),
                name="library_notice_once_a_day",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.patron} · {self.sent_on}"
