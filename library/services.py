"""Every circulation rule, in one place.

Desk views, the patron's pages, the notices command and the demo call these
functions; nothing else changes a copy's status or writes a loan, hold or
transfer. Each function runs in one transaction and locks the rows it
decides on (``select_for_update``), so two desks scanning the same copy at
once cannot both lend it; the partial unique constraint on open loans is the
last line of defence. Example::

    from library import services

    loan = services.checkout(staff_user, centre, patron, "BAK10000000042")
    result = services.checkin(staff_user, centre, "BAK10000000042")
    result.action  # "shelved", "hold_shelf", "transit" or "found"
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ui.dates import local_date
from ui.search import matching_ids

from .conf import library_settings
from .models import (
    Centre,
    Copy,
    Hold,
    Loan,
    LoanRule,
    Material,
    Patron,
    StockTake,
    StockTakeScan,
    Transfer,
)


class CirculationError(Exception):
    """A circulation step was refused; ``message`` says why, for the desk or the patron."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Who may do what ---------------------------------------------------------------


def staff_centres(user):
    """The centres whose desk ``user`` may run (every centre for a superuser)."""
    if not user.is_authenticated:
        return Centre.objects.none()
    if user.is_superuser:
        return Centre.objects.all()
    return Centre.objects.filter(memberships__user=user)


def is_centre_staff(user, centre):
    if not user.is_authenticated:
        return False
    return user.is_superuser or centre.memberships.filter(user=user).exists()


def patrons_served_by(user):
    """The patrons whose records ``user`` may read at the desk: those whose home centre
    they staff, and those with an open loan from, or an active hold to collect at, one of
    their centres (every patron for a superuser)."""
    if not user.is_authenticated:
        return Patron.objects.none()
    if user.is_superuser:
        return Patron.objects.all()
    return patrons_served_at(staff_centres(user))


def patrons_served_at(centres):
    """The patrons a desk at ``centres`` (a queryset or list) serves: registered there,
    or with an open loan from, or an active hold to collect at, one of them."""
    return Patron.objects.filter(
        Q(home_centre__in=centres)
        | Exists(
            Loan.objects.filter(patron=OuterRef("pk"), centre__in=centres, returned_at__isnull=True)
        )
        | Exists(
            Hold.objects.filter(
                patron=OuterRef("pk"), pickup_centre__in=centres, status__in=Hold.ACTIVE
            )
        )
    )


def copies_kept_at(centre):
    """The copies a centre's desk answers for: those on its shelves (or lent or sent
    from there) and its own stock wherever it is now."""
    return Copy.objects.filter(Q(current_centre=centre) | Q(home_centre=centre))


def require_staff(user, centre):
    if not is_centre_staff(user, centre):
        raise PermissionDenied(_("You are not on the staff of this centre."))


# --- Lookups -----------------------------------------------------------------------


def normalise_barcode(value):
    return (value or "").strip().upper()


def desk_search(centre, query, *, limit):
    """Patrons and copies of ``centre`` matching ``query``, at most ``limit`` + 1 of each
    (one more than shown, so the page can say there are more).

    Patrons match by name (contains, or as the catalogue searches: :mod:`ui.search`,
    so "ismayilova" finds "İsmayılova"), card number (starts with) or email (starts
    with); copies by barcode (starts with) or their material's title (contains, or as
    the catalogue searches). Card numbers and barcodes are stored upper-case, so their
    prefix is compared upper-case: on PostgreSQL the unique indexes' ``_like`` twins
    serve it. The searches are subqueries: still one query for each list.
    """
    code = normalise_barcode(query)
    patrons = (
        patrons_served_at([centre])
        .filter(
            Q(name__icontains=query)
            | Q(pk__in=matching_ids(Patron, query))
            | Q(card_number__startswith=code)
            | Q(email__istartswith=query)
            | Q(user__email__istartswith=query)
        )
        .select_related("home_centre")
        .order_by("name", "pk")[: limit + 1]
    )
    copies = (
        copies_kept_at(centre)
        .filter(
            Q(barcode__startswith=code)
            | Q(material__title__icontains=query)
            | Q(material__in=matching_ids(Material, query))
        )
        .select_related("material", "current_centre")
        .order_by("barcode")[: limit + 1]
    )
    return list(patrons), list(copies)


def _lock_copy(barcode):
    barcode = normalise_barcode(barcode)
    try:
        return (
            Copy.objects.select_for_update(of=("self",))
            .select_related("material")
            .get(barcode=barcode)
        )
    except Copy.DoesNotExist:
        raise CirculationError(
            _("No copy has the barcode “%(barcode)s”.") % {"barcode": barcode}
        ) from None


def find_patron(card_number):
    try:
        return Patron.objects.select_related("home_centre", "user").get(
            card_number=normalise_barcode(card_number)
        )
    except Patron.DoesNotExist:
        raise CirculationError(
            _("No patron has the card number “%(card)s”.") % {"card": card_number}
        ) from None


def _require_copy_here(copy, centre):
    if copy.current_centre_id != centre.pk:
        raise CirculationError(
            _("Copy %(barcode)s belongs to the stock of another centre.")
            % {"barcode": copy.barcode}
        )


def _check_patron_may_borrow(patron, today=None):
    today = today or timezone.localdate()
    if patron.is_blocked:
        raise CirculationError(
            _("%(patron)s is blocked: %(reason)s")
            % {"patron": patron.name, "reason": patron.block_reason or _("no reason given")}
        )
    if patron.expires_on and patron.expires_on < today:
        raise CirculationError(
            _("The card of %(patron)s expired on %(date)s.")
            % {"patron": patron.name, "date": local_date(patron.expires_on)}
        )


def _due_at(now, days):
    """Due at the end of the day, ``days`` from now, in the site's time zone."""
    due_day = timezone.localtime(now).date() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(due_day, time(23, 59, 59)))


def renewed_due_at(due_at, now, days):
    """The due date after a renewal of ``days``, from the later of today and ``due_at``."""
    base = max(timezone.localtime(now).date(), timezone.localtime(due_at).date())
    return timezone.make_aware(datetime.combine(base + timedelta(days=days), time(23, 59, 59)))


# --- Lending -----------------------------------------------------------------------


def checkout(staff, centre, patron, barcode, *, now=None):
    """Lend the copy with ``barcode`` to ``patron`` at ``centre``; return the new loan."""
    require_staff(staff, centre)
    now = now or timezone.now()
    with transaction.atomic():
        patron = Patron.objects.select_for_update(of=("self",)).get(pk=patron.pk)
        copy = _lock_copy(barcode)
        _require_copy_here(copy, centre)
        _check_patron_may_borrow(patron, timezone.localdate(now))
        hold = None
        if copy.status == Copy.Status.AWAITING_PICKUP:
            hold = Hold.objects.filter(copy=copy, status=Hold.Status.READY).first()
            if hold is None or hold.patron_id != patron.pk:
                raise CirculationError(
                    _("Copy %(barcode)s is on the hold shelf for another patron.")
                    % {"barcode": copy.barcode}
                )
        elif copy.status != Copy.Status.AVAILABLE:
            raise CirculationError(
                _("Copy %(barcode)s cannot be lent: it is %(status)s.")
                % {"barcode": copy.barcode, "status": copy.get_status_display().lower()}
            )
        terms = LoanRule.terms_for(centre, patron.category, copy.material.kind)
        open_loans = Loan.objects.filter(patron=patron, returned_at__isnull=True).count()
        if open_loans >= terms.max_loans:
            raise CirculationError(
                _("%(patron)s already has %(count)s items, the most allowed.")
                % {"patron": patron.name, "count": open_loans}
            )
        try:
            with transaction.atomic():
                loan = Loan.objects.create(
                    copy=copy,
                    patron=patron,
                    centre=centre,
                    issued_at=now,
                    due_at=_due_at(now, terms.loan_days),
                    issued_by=staff,
                )
        except IntegrityError:
            raise CirculationError(
                _("Copy %(barcode)s is already on loan.") % {"barcode": copy.barcode}
            ) from None
        copy.status = Copy.Status.ON_LOAN
        copy.save(update_fields=["status"])
        if hold is None:
            # Lent straight off the shelf to someone who was also queuing for it.
            hold = Hold.objects.filter(
                patron=patron, material=copy.material, status=Hold.Status.WAITING
            ).first()
        if hold is not None:
            hold.status = Hold.Status.FULFILLED
            hold.copy = copy
            hold.closed_at = now
            hold.save(update_fields=["status", "copy", "closed_at"])
        log(
            loan,
            "library.checkout",
            user=staff,
            data=_loan_log_data(loan),
            title=_loan_log_title(loan),
        )
    return loan


@dataclass
class CheckinResult:
    """What happened to a copy scanned at the check-in desk."""

    copy: Copy
    loan: Loan | None
    action: str  # "shelved", "hold_shelf", "transit" or "found"
    hold: Hold | None = None
    transfer: Transfer | None = None
    was_overdue: bool = False


def checkin(staff, centre, barcode, *, now=None):
    """Take back a copy (or trap an available one for the holds queue) at ``centre``.

    The loan is closed; then the first waiting hold on the material gets the
    copy (hold shelf here, or transit to its pickup centre); else a copy away
    from home goes back in transit, and one at home goes on the shelf.
    """
    require_staff(staff, centre)
    now = now or timezone.now()
    with transaction.atomic():
        copy = _lock_copy(barcode)
        _require_copy_here(copy, centre)
        if copy.status in (Copy.Status.IN_TRANSIT, Copy.Status.AWAITING_PICKUP):
            raise CirculationError(
                _("Copy %(barcode)s is %(status)s; nothing to check in.")
                % {"barcode": copy.barcode, "status": copy.get_status_display().lower()}
            )
        if copy.status == Copy.Status.WITHDRAWN:
            raise CirculationError(
                _("Copy %(barcode)s is withdrawn from stock.") % {"barcode": copy.barcode}
            )
        found = copy.status == Copy.Status.LOST
        loan = (
            Loan.objects.select_for_update(of=("self",))
            .filter(copy=copy, returned_at__isnull=True)
            .select_related("patron")
            .first()
        )
        was_overdue = False
        if loan is not None:
            was_overdue = loan.due_at < now
            loan.returned_at = now
            loan.returned_by = staff
            loan.outcome = Loan.Outcome.RETURNED
            loan.save(update_fields=["returned_at", "returned_by", "outcome"])
            log(
                loan,
                "library.checkin",
                user=staff,
                data=_loan_log_data(loan),
                title=_loan_log_title(loan),
            )
        result = _route_copy(copy, centre, staff, now)
        result.loan = loan
        result.was_overdue = was_overdue
        if found and result.action == "shelved":
            result.action = "found"
    return result


def _next_hold(material, now):
    return (
        Hold.objects.select_for_update(of=("self",))
        .filter(material=material, status=Hold.Status.WAITING)
        .select_related("pickup_centre", "patron")
        .order_by("placed_at", "pk")
        .first()
    )


def _route_copy(copy, centre, staff, now, *, send_home=True):
    """Put a copy that is at ``centre`` and free where it should go next. Call in a transaction.

    The first waiting hold claims it; else, with ``send_home``, a copy away
    from its home centre goes back there; else it goes on the shelf here.
    """
    copy.current_centre = centre
    hold = _next_hold(copy.material, now)
    if hold is not None:
        hold.copy = copy
        if hold.pickup_centre_id == centre.pk:
            _make_ready(hold, copy, now)
            return CheckinResult(copy=copy, loan=None, action="hold_shelf", hold=hold)
        hold.status = Hold.Status.IN_TRANSIT
        hold.save(update_fields=["status", "copy"])
        transfer = _start_transfer(
            copy, centre, hold.pickup_centre, Transfer.Reason.HOLD, staff, now, hold=hold
        )
        return CheckinResult(copy=copy, loan=None, action="transit", hold=hold, transfer=transfer)
    if send_home and copy.home_centre_id != centre.pk:
        transfer = _start_transfer(
            copy, centre, copy.home_centre, Transfer.Reason.RETURN_HOME, staff, now
        )
        return CheckinResult(copy=copy, loan=None, action="transit", transfer=transfer)
    copy.status = Copy.Status.AVAILABLE
    copy.save(update_fields=["status", "current_centre"])
    return CheckinResult(copy=copy, loan=None, action="shelved")


def _make_ready(hold, copy, now):
    hold.status = Hold.Status.READY
    hold.copy = copy
    hold.ready_at = now
    hold.expires_at = _due_at(now, library_settings.HOLD_PICKUP_DAYS)
    hold.ready_notified_at = None
    hold.save(update_fields=["status", "copy", "ready_at", "expires_at", "ready_notified_at"])
    copy.status = Copy.Status.AWAITING_PICKUP
    copy.save(update_fields=["status", "current_centre"])


def _start_transfer(copy, from_centre, to_centre, reason, staff, now, hold=None):
    copy.status = Copy.Status.IN_TRANSIT
    copy.current_centre = from_centre
    copy.save(update_fields=["status", "current_centre"])
    return Transfer.objects.create(
        copy=copy,
        from_centre=from_centre,
        to_centre=to_centre,
        reason=reason,
        hold=hold,
        sent_at=now,
        sent_by=staff,
    )


def renew(loan, *, by, now=None):
    """Extend an open loan by its renewal period, from the later of today and its due date.

    As Koha counts it: renewing early adds the period to the due date (a
    renewal on the day of lending moves the date on); renewing an overdue
    loan counts from today. The period is the loan rule's renewal period, or
    its loan period when it sets none.

    Refused past the renewals allowed, when someone is waiting for the
    material, or when the patron may not borrow. ``by`` is the staff member
    (who must work at the lending centre) or the patron's own user.
    """
    now = now or timezone.now()
    with transaction.atomic():
        loan = (
            Loan.objects.select_for_update(of=("self",))
            .select_related("copy__material", "patron", "centre")
            .get(pk=loan.pk)
        )
        is_borrower = by.is_authenticated and loan.patron.user_id == by.pk
        if not is_borrower:
            require_staff(by, loan.centre)
        if loan.returned_at is not None:
            raise CirculationError(_("This loan is already closed."))
        _check_patron_may_borrow(loan.patron, timezone.localdate(now))
        terms = LoanRule.terms_for(loan.centre, loan.patron.category, loan.copy.material.kind)
        if loan.renewals >= terms.renewals_allowed:
            raise CirculationError(
                _("“%(title)s” has been renewed %(count)s times, the most allowed.")
                % {"title": loan.copy.material.title, "count": loan.renewals}
            )
        if Hold.objects.filter(material=loan.copy.material, status=Hold.Status.WAITING).exists():
            raise CirculationError(
                _("“%(title)s” cannot be renewed: other patrons are waiting for it.")
                % {"title": loan.copy.material.title}
            )
        loan.due_at = renewed_due_at(loan.due_at, now, terms.renewal_period)
        loan.renewals += 1
        loan.save(update_fields=["due_at", "renewals"])
        log(loan, "library.renew", user=by, data=_loan_log_data(loan), title=_loan_log_title(loan))
    return loan


def _loan_log_title(loan):
    return f"{loan.copy.barcode} → #{loan.patron_id}"


def _loan_log_data(loan):
    """What the audit trail keeps of a loan: ids and the barcode, no personal data."""
    return {
        "barcode": loan.copy.barcode,
        "centre": loan.centre_id,
        "patron": loan.patron_id,
        "due_at": loan.due_at.isoformat(),
    }


def open_loan_for_barcode(barcode):
    loan = (
        Loan.objects.filter(copy__barcode=normalise_barcode(barcode), returned_at__isnull=True)
        .select_related("copy__material", "patron", "centre")
        .first()
    )
    if loan is None:
        raise CirculationError(
            _("Copy %(barcode)s is not on loan.") % {"barcode": normalise_barcode(barcode)}
        )
    return loan


# --- Holds -------------------------------------------------------------------------


def place_hold(patron, material, pickup_centre, *, now=None):
    """Put ``patron`` at the end of the queue for ``material``, to collect at ``pickup_centre``."""
    now = now or timezone.now()
    with transaction.atomic():
        patron = Patron.objects.select_for_update(of=("self",)).get(pk=patron.pk)
        _check_patron_may_borrow(patron, timezone.localdate(now))
        terms = LoanRule.terms_for(pickup_centre, patron.category, material.kind)
        if not terms.holds_allowed:
            raise CirculationError(_("Holds are not allowed on this kind of material."))
        active = Hold.objects.filter(patron=patron, status__in=Hold.ACTIVE)
        if active.filter(material=material).exists():
            raise CirculationError(_("You already have a hold on this material."))
        if active.count() >= terms.max_holds:
            raise CirculationError(
                _("You already have %(count)s holds, the most allowed.") % {"count": active.count()}
            )
        if Loan.objects.filter(
            patron=patron, copy__material=material, returned_at__isnull=True
        ).exists():
            raise CirculationError(_("You already have this material on loan."))
        if (
            not Copy.objects.filter(material=material)
            .exclude(status__in=[Copy.Status.LOST, Copy.Status.WITHDRAWN])
            .exists()
        ):
            raise CirculationError(_("The library has no copy of this material to lend."))
        try:
            with transaction.atomic():
                return Hold.objects.create(
                    patron=patron, material=material, pickup_centre=pickup_centre, placed_at=now
                )
        except IntegrityError:
            raise CirculationError(_("You already have a hold on this material.")) from None


def queue_position(hold):
    """1 for the first waiting hold on the material, 2 for the next, ..."""
    return (
        Hold.objects.filter(
            material_id=hold.material_id, status=Hold.Status.WAITING, placed_at__lt=hold.placed_at
        ).count()
        + 1
    )


def _lock_hold(pk):
    """Lock a hold and the copy set aside for it, copy first (the order every path uses)."""
    copy_id = Hold.objects.filter(pk=pk).values_list("copy_id", flat=True).first()
    copy = None
    if copy_id is not None:
        copy = (
            Copy.objects.select_for_update(of=("self",)).select_related("material").get(pk=copy_id)
        )
    hold = Hold.objects.select_for_update(of=("self",)).select_related("patron").get(pk=pk)
    return hold, copy if copy is not None and hold.copy_id == copy.pk else None


def cancel_hold(hold, *, by, now=None):
    """Cancel a hold (the patron's own, or by staff of its pickup centre); free its copy."""
    now = now or timezone.now()
    with transaction.atomic():
        hold, copy = _lock_hold(hold.pk)
        if not (by.is_authenticated and hold.patron.user_id == by.pk):
            require_staff(by, hold.pickup_centre)
        if not hold.is_active:
            raise CirculationError(_("This hold is no longer active."))
        _close_hold(hold, copy, Hold.Status.CANCELLED, by, now)
        log(hold, "library.cancel_hold", user=by, data=_hold_log_data(hold), title=str(hold.pk))
    return hold


def _hold_log_data(hold):
    """What the audit trail keeps of a hold: ids only, no personal data."""
    return {
        "material": hold.material_id,
        "patron": hold.patron_id,
        "pickup_centre": hold.pickup_centre_id,
        "status": hold.status,
    }


def _close_hold(hold, copy, status, staff, now):
    """Close ``hold``; a copy waiting on the hold shelf for it goes to the next in line."""
    hold.status = status
    hold.closed_at = now
    hold.save(update_fields=["status", "closed_at"])
    if copy is not None and copy.status == Copy.Status.AWAITING_PICKUP:
        _route_copy(copy, copy.current_centre, staff, now)


def expire_holds(*, now=None):
    """Close ready holds not collected in time; pass their copies on. Returns the holds."""
    now = now or timezone.now()
    expired = []
    due = Hold.objects.filter(status=Hold.Status.READY, expires_at__lt=now).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            hold, copy = _lock_hold(pk)
            if hold.status != Hold.Status.READY or hold.expires_at >= now:
                continue  # collected or cancelled meanwhile
            _close_hold(hold, copy, Hold.Status.EXPIRED, None, now)
            expired.append(hold)
    return expired


# --- Transfers ---------------------------------------------------------------------


def send_transfer(staff, centre, barcode, to_centre, *, now=None):
    """Send an available copy from ``centre`` to ``to_centre``."""
    require_staff(staff, centre)
    now = now or timezone.now()
    if to_centre.pk == centre.pk:
        raise CirculationError(_("Choose another centre to send the copy to."))
    with transaction.atomic():
        copy = _lock_copy(barcode)
        _require_copy_here(copy, centre)
        if copy.status != Copy.Status.AVAILABLE:
            raise CirculationError(
                _("Copy %(barcode)s cannot be sent: it is %(status)s.")
                % {"barcode": copy.barcode, "status": copy.get_status_display().lower()}
            )
        transfer = _start_transfer(copy, centre, to_centre, Transfer.Reason.MANUAL, staff, now)
        log(
            transfer,
            "library.send_transfer",
            user=staff,
            data=_transfer_log_data(transfer),
            title=_transfer_log_title(transfer),
        )
    return transfer


def _transfer_log_title(transfer):
    return f"{transfer.copy.barcode}: {transfer.from_centre_id} → {transfer.to_centre_id}"


def _transfer_log_data(transfer):
    return {
        "barcode": transfer.copy.barcode,
        "from_centre": transfer.from_centre_id,
        "to_centre": transfer.to_centre_id,
        "reason": transfer.reason,
    }


def receive_transfer(staff, centre, barcode, *, now=None):
    """Receive a copy in transit to ``centre``; return a :class:`CheckinResult`.

    A copy sent for a hold goes on the hold shelf; any other copy goes to the
    first waiting hold, or on the shelf here (it is lent from here until it
    is next checked in, which sends it home).
    """
    require_staff(staff, centre)
    now = now or timezone.now()
    with transaction.atomic():
        copy = _lock_copy(barcode)
        transfer = (
            Transfer.objects.select_for_update(of=("self",))
            .filter(copy=copy, received_at__isnull=True)
            .select_related("hold")
            .first()
        )
        if transfer is None or copy.status != Copy.Status.IN_TRANSIT:
            raise CirculationError(
                _("Copy %(barcode)s is not in transit.") % {"barcode": copy.barcode}
            )
        if transfer.to_centre_id != centre.pk:
            raise CirculationError(
                _("Copy %(barcode)s is on its way to %(centre)s, not here.")
                % {"barcode": copy.barcode, "centre": transfer.to_centre}
            )
        transfer.received_at = now
        transfer.received_by = staff
        transfer.save(update_fields=["received_at", "received_by"])
        transfer.copy = copy
        log(
            transfer,
            "library.receive_transfer",
            user=staff,
            data=_transfer_log_data(transfer),
            title=_transfer_log_title(transfer),
        )
        hold = transfer.hold
        if hold is not None:
            hold = Hold.objects.select_for_update(of=("self",)).get(pk=hold.pk)
        if hold is not None and hold.status == Hold.Status.IN_TRANSIT:
            copy.current_centre = centre
            _make_ready(hold, copy, now)
            return CheckinResult(
                copy=copy, loan=None, action="hold_shelf", hold=hold, transfer=transfer
            )
        # Sent here on purpose (or home): it stays, unless a hold claims it.
        result = _route_copy(copy, centre, staff, now, send_home=False)
        result.transfer = result.transfer or transfer
        return result


# --- Lost and withdrawn ------------------------------------------------------------


def mark_lost(staff, centre, barcode, *, now=None):
    """Record a copy as lost; an open loan on it is closed as lost."""
    return _take_out_of_stock(staff, centre, barcode, Copy.Status.LOST, now)


def withdraw(staff, centre, barcode, *, now=None):
    """Withdraw a copy from stock for good (worn out, damaged, outdated)."""
    return _take_out_of_stock(staff, centre, barcode, Copy.Status.WITHDRAWN, now)


def _take_out_of_stock(staff, centre, barcode, status, now):
    require_staff(staff, centre)
    now = now or timezone.now()
    with transaction.atomic():
        copy = _lock_copy(barcode)
        _require_copy_here(copy, centre)
        if copy.status == status:
            raise CirculationError(
                _("Copy %(barcode)s is already %(status)s.")
                % {"barcode": copy.barcode, "status": copy.get_status_display().lower()}
            )
        if copy.status == Copy.Status.IN_TRANSIT:
            raise CirculationError(
                _("Copy %(barcode)s is in transit; receive it first.") % {"barcode": copy.barcode}
            )
        if copy.status == Copy.Status.ON_LOAN and status == Copy.Status.WITHDRAWN:
            raise CirculationError(
                _("Copy %(barcode)s is on loan; check it in before withdrawing it.")
                % {"barcode": copy.barcode}
            )
        loan = (
            Loan.objects.select_for_update(of=("self",))
            .filter(copy=copy, returned_at__isnull=True)
            .first()
        )
        if loan is not None:
            loan.returned_at = now
            loan.returned_by = staff
            loan.outcome = Loan.Outcome.LOST
            loan.save(update_fields=["returned_at", "returned_by", "outcome"])
        for hold in Hold.objects.select_for_update(of=("self",)).filter(
            copy=copy, status__in=[Hold.Status.READY, Hold.Status.IN_TRANSIT]
        ):
            # Back to waiting for another copy; placed_at keeps the patron's place in the queue.
            hold.status = Hold.Status.WAITING
            hold.copy = None
            hold.ready_at = hold.expires_at = None
            hold.save(update_fields=["status", "copy", "ready_at", "expires_at"])
        copy.status = status
        copy.save(update_fields=["status"])
    return copy


# --- Stock-take --------------------------------------------------------------------


SCAN_BATCH = 500


def start_stocktake(staff, centre, *, now=None):
    require_staff(staff, centre)
    return StockTake.objects.create(
        centre=centre, started_by=staff, started_at=now or timezone.now()
    )


def record_scans(staff, stocktake, barcodes, *, now=None):
    """Record barcodes found on the shelves (scanned or uploaded); return how many are new."""
    require_staff(staff, stocktake.centre)
    if stocktake.finished_at is not None:
        raise CirculationError(_("This stock-take is finished."))
    now = now or timezone.now()
    wanted = sorted({normalise_barcode(b) for b in barcodes if normalise_barcode(b)})
    added = 0
    with transaction.atomic():
        # In batches: an uploaded file may hold a whole centre's shelves.
        for start in range(0, len(wanted), SCAN_BATCH):
            batch = wanted[start : start + SCAN_BATCH]
            seen = set(
                StockTakeScan.objects.filter(stocktake=stocktake, barcode__in=batch).values_list(
                    "barcode", flat=True
                )
            )
            new = [b for b in batch if b not in seen]
            copies = dict(Copy.objects.filter(barcode__in=new).values_list("barcode", "pk"))
            StockTakeScan.objects.bulk_create(
                [
                    StockTakeScan(
                        stocktake=stocktake, barcode=b, copy_id=copies.get(b), scanned_at=now
                    )
                    for b in new
                ],
                ignore_conflicts=True,
            )
            added += len(new)
    return added


def finish_stocktake(staff, stocktake, *, now=None):
    require_staff(staff, stocktake.centre)
    if stocktake.finished_at is not None:
        raise CirculationError(_("This stock-take is finished."))
    stocktake.finished_at = now or timezone.now()
    stocktake.save(update_fields=["finished_at"])
    return stocktake


@dataclass
class StockTakeResult:
    """Missing: should be on this centre's shelves but not scanned. Misplaced: scanned here
    but the records say it is elsewhere or not on the shelf. Unknown: no such barcode."""

    missing: list
    misplaced: list
    unknown: list
    found: int


def stocktake_result(stocktake):
    scanned_copy_ids = StockTakeScan.objects.filter(stocktake=stocktake, copy__isnull=False).values(
        "copy_id"
    )
    missing = list(
        Copy.objects.filter(
            current_centre=stocktake.centre,
            status__in=[Copy.Status.AVAILABLE, Copy.Status.AWAITING_PICKUP],
        )
        .exclude(pk__in=scanned_copy_ids)
        .select_related("material", "current_centre")
        .order_by("shelf_mark", "barcode")
    )
    misplaced = list(
        Copy.objects.filter(pk__in=scanned_copy_ids)
        .exclude(
            current_centre=stocktake.centre,
            status__in=[Copy.Status.AVAILABLE, Copy.Status.AWAITING_PICKUP],
        )
        .select_related("material", "current_centre")
        .order_by("barcode")
    )
    unknown = list(
        StockTakeScan.objects.filter(stocktake=stocktake, copy__isnull=True)
        .order_by("barcode")
        .values_list("barcode", flat=True)
    )
    found = StockTakeScan.objects.filter(stocktake=stocktake, copy__isnull=False).count()
    return StockTakeResult(missing=missing, misplaced=misplaced, unknown=unknown, found=found)
