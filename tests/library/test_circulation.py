"""The circulation service: checkout, check-in, renew, holds, transfers, lost and withdrawn."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from library import services
from library.factories import CopyFactory, LoanRuleFactory, PatronFactory
from library.models import Copy, Hold, Loan, Transfer

pytestmark = pytest.mark.django_db


def reload(obj):
    obj.refresh_from_db()
    return obj


# --- Checkout ----------------------------------------------------------------------


def test_checkout_lends_an_available_copy_and_marks_it_on_loan(staff, centre, patron, copy):
    loan = services.checkout(staff, centre, patron, "bak1-0001")
    assert loan.patron == patron and loan.centre == centre and loan.issued_by == staff
    assert reload(copy).status == Copy.Status.ON_LOAN
    assert timezone.localtime(loan.due_at).date() == timezone.localdate() + timedelta(days=21)


def test_checkout_refuses_a_copy_already_on_loan(staff, centre, patron, other_patron, copy):
    services.checkout(staff, centre, patron, copy.barcode)
    with pytest.raises(services.CirculationError, match="on loan"):
        services.checkout(staff, centre, other_patron, copy.barcode)
    assert Loan.objects.count() == 1


def test_checkout_refuses_an_unknown_barcode(staff, centre, patron):
    with pytest.raises(services.CirculationError, match="No copy"):
        services.checkout(staff, centre, patron, "NOPE")


def test_checkout_refuses_a_blocked_patron(staff, centre, patron, copy):
    patron.is_blocked, patron.block_reason = True, "unreturned items"
    patron.save()
    with pytest.raises(services.CirculationError, match="blocked"):
        services.checkout(staff, centre, patron, copy.barcode)


def test_checkout_refuses_an_expired_card(staff, centre, patron, copy):
    patron.expires_on = timezone.localdate() - timedelta(days=1)
    patron.save()
    with pytest.raises(services.CirculationError, match="expired"):
        services.checkout(staff, centre, patron, copy.barcode)


def test_checkout_refuses_more_items_than_the_rule_allows(staff, centre, patron, material):
    LoanRuleFactory(centre=centre, max_loans=1)
    first, second = CopyFactory.create_batch(2, material=material, home_centre=centre)
    services.checkout(staff, centre, patron, first.barcode)
    with pytest.raises(services.CirculationError, match="most allowed"):
        services.checkout(staff, centre, patron, second.barcode)


def test_staff_cannot_lend_another_centres_copy(other_staff, other_centre, patron, copy):
    with pytest.raises(services.CirculationError, match="another centre"):
        services.checkout(other_staff, other_centre, patron, copy.barcode)


def test_only_staff_of_the_centre_may_lend(other_staff, learner, centre, patron, copy):
    for user in (other_staff, learner):
        with pytest.raises(PermissionDenied):
            services.checkout(user, centre, patron, copy.barcode)
    assert not Loan.objects.exists()


def test_the_database_refuses_a_second_open_loan_of_a_copy(
    staff, centre, patron, other_patron, copy
):
    loan = services.checkout(staff, centre, patron, copy.barcode)
    with pytest.raises(IntegrityError), transaction.atomic():
        Loan.objects.create(copy=copy, patron=other_patron, centre=centre, due_at=loan.due_at)


def test_a_returned_copy_can_be_lent_again_and_history_is_kept(
    staff, centre, patron, other_patron, copy
):
    services.checkout(staff, centre, patron, copy.barcode)
    services.checkin(staff, centre, copy.barcode)
    services.checkout(staff, centre, other_patron, copy.barcode)
    assert Loan.objects.filter(copy=copy).count() == 2
    assert Loan.objects.filter(copy=copy, returned_at__isnull=True).get().patron == other_patron


# --- Check-in ----------------------------------------------------------------------


def test_checkin_closes_the_loan_and_shelves_the_copy(staff, centre, patron, copy):
    loan = services.checkout(staff, centre, patron, copy.barcode)
    result = services.checkin(staff, centre, copy.barcode)
    assert result.action == "shelved" and result.loan == loan
    loan = reload(loan)
    assert loan.returned_at and loan.returned_by == staff and loan.outcome == "returned"
    assert reload(copy).status == Copy.Status.AVAILABLE


def test_checkin_reports_a_late_return(staff, centre, patron, copy):
    long_ago = timezone.now() - timedelta(days=60)
    services.checkout(staff, centre, patron, copy.barcode, now=long_ago)
    assert services.checkin(staff, centre, copy.barcode).was_overdue


def test_checkin_puts_a_held_copy_on_the_hold_shelf(staff, centre, patron, other_patron, copy):
    services.checkout(staff, centre, patron, copy.barcode)
    hold = services.place_hold(other_patron, copy.material, centre)
    result = services.checkin(staff, centre, copy.barcode)
    assert result.action == "hold_shelf" and result.hold == hold
    hold = reload(hold)
    assert hold.status == Hold.Status.READY and hold.copy == copy and hold.expires_at
    assert reload(copy).status == Copy.Status.AWAITING_PICKUP


def test_checkin_sends_a_held_copy_to_another_pickup_centre(
    staff, centre, other_centre, patron, other_patron, copy
):
    services.checkout(staff, centre, patron, copy.barcode)
    hold = services.place_hold(other_patron, copy.material, other_centre)
    result = services.checkin(staff, centre, copy.barcode)
    assert result.action == "transit"
    transfer = Transfer.objects.get()
    assert (transfer.from_centre, transfer.to_centre, transfer.hold) == (centre, other_centre, hold)
    assert reload(copy).status == Copy.Status.IN_TRANSIT
    assert reload(hold).status == Hold.Status.IN_TRANSIT


def test_checkin_sends_a_copy_away_from_home_back_home(
    staff, other_staff, centre, other_centre, patron, copy
):
    services.send_transfer(staff, centre, copy.barcode, other_centre)
    services.receive_transfer(other_staff, other_centre, copy.barcode)
    services.checkout(other_staff, other_centre, patron, copy.barcode)
    result = services.checkin(other_staff, other_centre, copy.barcode)
    assert result.action == "transit" and result.transfer.to_centre == centre
    assert result.transfer.reason == Transfer.Reason.RETURN_HOME
    assert reload(copy).status == Copy.Status.IN_TRANSIT
    services.receive_transfer(staff, centre, copy.barcode)
    copy = reload(copy)
    assert copy.current_centre == centre and copy.status == Copy.Status.AVAILABLE


def test_checkin_of_a_lost_copy_records_it_found(staff, centre, copy):
    services.mark_lost(staff, centre, copy.barcode)
    assert services.checkin(staff, centre, copy.barcode).action == "found"
    assert reload(copy).status == Copy.Status.AVAILABLE


def test_checkin_refuses_another_centres_copy(other_staff, other_centre, copy):
    with pytest.raises(services.CirculationError):
        services.checkin(other_staff, other_centre, copy.barcode)


def test_checkin_refuses_a_withdrawn_copy(staff, centre, copy):
    services.withdraw(staff, centre, copy.barcode)
    with pytest.raises(services.CirculationError, match="withdrawn"):
        services.checkin(staff, centre, copy.barcode)


# --- Renew -------------------------------------------------------------------------


def test_renew_extends_the_due_date_and_counts(staff, centre, patron, copy):
    start = timezone.now() - timedelta(days=10)
    loan = services.checkout(staff, centre, patron, copy.barcode, now=start)
    old_due = loan.due_at
    loan = services.renew(loan, by=staff)
    assert loan.renewals == 1 and loan.due_at > old_due


def test_a_renewal_on_the_day_of_lending_moves_the_due_date_on(staff, centre, patron, copy):
    """Koha's rule: the period counts from the due date when the loan is not overdue."""
    LoanRuleFactory(loan_days=14, renewals_allowed=2)
    loan = services.checkout(staff, centre, patron, copy.barcode)
    lent_due = timezone.localtime(loan.due_at).date()
    loan = services.renew(loan, by=staff)
    assert timezone.localtime(loan.due_at).date() == lent_due + timedelta(days=14)
    loan = services.renew(loan, by=staff)
    assert timezone.localtime(loan.due_at).date() == lent_due + timedelta(days=28)


def test_an_overdue_loan_is_renewed_from_today(staff, centre, patron, copy):
    LoanRuleFactory(loan_days=14)
    loan = services.checkout(
        staff, centre, patron, copy.barcode, now=timezone.now() - timedelta(days=30)
    )
    assert loan.due_at < timezone.now()
    loan = services.renew(loan, by=staff)
    assert timezone.localtime(loan.due_at).date() == timezone.localdate() + timedelta(days=14)


def test_a_loan_rule_may_set_its_own_renewal_period(staff, centre, patron, copy):
    LoanRuleFactory(loan_days=21, renewal_days=7)
    loan = services.checkout(staff, centre, patron, copy.barcode)
    lent_due = timezone.localtime(loan.due_at).date()
    loan = services.renew(loan, by=staff)
    assert timezone.localtime(loan.due_at).date() == lent_due + timedelta(days=7)


def test_renew_is_refused_past_the_limit(staff, centre, patron, copy):
    LoanRuleFactory(renewals_allowed=1)
    loan = services.checkout(staff, centre, patron, copy.barcode)
    services.renew(loan, by=staff)
    with pytest.raises(services.CirculationError, match="most allowed"):
        services.renew(loan, by=staff)


def test_renew_is_refused_when_others_wait(staff, centre, patron, other_patron, copy):
    loan = services.checkout(staff, centre, patron, copy.barcode)
    services.place_hold(other_patron, copy.material, centre)
    with pytest.raises(services.CirculationError, match="waiting"):
        services.renew(loan, by=staff)


def test_a_patron_may_renew_their_own_loan_but_not_anothers(
    staff, centre, patron, other_patron, copy, learner, other_learner
):
    loan = services.checkout(staff, centre, patron, copy.barcode)
    assert services.renew(loan, by=learner).renewals == 1
    with pytest.raises(PermissionDenied):
        services.renew(loan, by=other_learner)


def test_staff_of_another_centre_cannot_renew(staff, other_staff, centre, patron, copy):
    loan = services.checkout(staff, centre, patron, copy.barcode)
    with pytest.raises(PermissionDenied):
        services.renew(loan, by=other_staff)


# --- Holds -------------------------------------------------------------------------


def test_holds_are_served_first_come_first_served(staff, centre, patron, copy):
    services.checkout(staff, centre, patron, copy.barcode)
    now = timezone.now()
    queue = [PatronFactory(home_centre=centre) for _ in range(3)]
    holds = [
        services.place_hold(p, copy.material, centre, now=now + timedelta(minutes=i))
        for i, p in enumerate(reversed(queue))
    ]
    assert [services.queue_position(h) for h in holds] == [1, 2, 3]
    services.checkin(staff, centre, copy.barcode)
    assert reload(holds[0]).status == Hold.Status.READY
    assert {reload(h).status for h in holds[1:]} == {Hold.Status.WAITING}
    # The first in the queue collects; the next return goes to the second.
    services.checkout(staff, centre, holds[0].patron, copy.barcode)
    assert reload(holds[0]).status == Hold.Status.FULFILLED
    services.checkin(staff, centre, copy.barcode)
    assert reload(holds[1]).status == Hold.Status.READY


def test_a_copy_on_the_hold_shelf_cannot_be_lent_to_someone_else(
    staff, centre, patron, other_patron, copy
):
    services.place_hold(other_patron, copy.material, centre)
    services.checkin(staff, centre, copy.barcode)  # trapped from the shelf
    with pytest.raises(services.CirculationError, match="hold shelf"):
        services.checkout(staff, centre, patron, copy.barcode)
    assert services.checkout(staff, centre, other_patron, copy.barcode)


def test_a_patron_cannot_hold_the_same_material_twice(patron, centre, copy):
    services.place_hold(patron, copy.material, centre)
    with pytest.raises(services.CirculationError, match="already have a hold"):
        services.place_hold(patron, copy.material, centre)


def test_holds_are_limited_by_the_rule(patron, centre, material):
    LoanRuleFactory(max_holds=1)
    other = CopyFactory(home_centre=centre).material
    CopyFactory(material=material, home_centre=centre)
    services.place_hold(patron, material, centre)
    with pytest.raises(services.CirculationError, match="most allowed"):
        services.place_hold(patron, other, centre)


def test_a_rule_with_no_holds_refuses_holds(patron, centre, copy):
    LoanRuleFactory(max_holds=0)
    with pytest.raises(services.CirculationError, match="not allowed"):
        services.place_hold(patron, copy.material, centre)


def test_a_blocked_patron_cannot_place_a_hold(patron, centre, copy):
    patron.is_blocked = True
    patron.save()
    with pytest.raises(services.CirculationError, match="blocked"):
        services.place_hold(patron, copy.material, centre)


def test_uncollected_holds_expire_and_the_copy_passes_to_the_next(
    staff, centre, patron, other_patron, copy
):
    first = services.place_hold(patron, copy.material, centre)
    second = services.place_hold(other_patron, copy.material, centre)
    services.checkin(staff, centre, copy.barcode)
    later = timezone.now() + timedelta(days=30)
    assert services.expire_holds(now=later) == [first]
    assert reload(first).status == Hold.Status.EXPIRED
    assert reload(second).status == Hold.Status.READY and reload(second).copy == copy


def test_cancelling_a_ready_hold_puts_the_copy_back_on_the_shelf(
    staff, centre, patron, copy, learner
):
    hold = services.place_hold(patron, copy.material, centre)
    services.checkin(staff, centre, copy.barcode)
    services.cancel_hold(hold, by=learner)
    assert reload(hold).status == Hold.Status.CANCELLED
    assert reload(copy).status == Copy.Status.AVAILABLE


def test_another_patron_cannot_cancel_a_hold(patron, centre, copy, other_learner):
    hold = services.place_hold(patron, copy.material, centre)
    with pytest.raises(PermissionDenied):
        services.cancel_hold(hold, by=other_learner)


# --- Transfers ---------------------------------------------------------------------


def test_a_transfer_is_sent_and_received(staff, other_staff, centre, other_centre, copy):
    transfer = services.send_transfer(staff, centre, copy.barcode, other_centre)
    assert reload(copy).status == Copy.Status.IN_TRANSIT
    with pytest.raises(services.CirculationError, match="not here"):
        services.receive_transfer(staff, centre, copy.barcode)
    result = services.receive_transfer(other_staff, other_centre, copy.barcode)
    assert reload(transfer).received_by == other_staff
    assert result.action == "shelved"
    copy = reload(copy)
    assert copy.current_centre == other_centre and copy.status == Copy.Status.AVAILABLE


def test_receiving_a_transfer_for_a_hold_puts_it_on_the_hold_shelf(
    staff, other_staff, centre, other_centre, other_patron, copy
):
    hold = services.place_hold(other_patron, copy.material, other_centre)
    services.checkin(staff, centre, copy.barcode)  # trapped, sent to the pickup centre
    result = services.receive_transfer(other_staff, other_centre, copy.barcode)
    assert result.action == "hold_shelf"
    assert reload(hold).status == Hold.Status.READY
    copy = reload(copy)
    assert copy.current_centre == other_centre and copy.status == Copy.Status.AWAITING_PICKUP


def test_only_available_copies_can_be_sent(staff, centre, other_centre, patron, copy):
    services.checkout(staff, centre, patron, copy.barcode)
    with pytest.raises(services.CirculationError, match="cannot be sent"):
        services.send_transfer(staff, centre, copy.barcode, other_centre)


def test_staff_cannot_send_another_centres_copy(other_staff, other_centre, centre, copy):
    with pytest.raises(services.CirculationError, match="another centre"):
        services.send_transfer(other_staff, other_centre, copy.barcode, centre)


# --- Lost and withdrawn ------------------------------------------------------------


def test_marking_a_lent_copy_lost_closes_its_loan_as_lost(staff, centre, patron, copy):
    loan = services.checkout(staff, centre, patron, copy.barcode)
    services.mark_lost(staff, centre, copy.barcode)
    loan = reload(loan)
    assert loan.returned_at and loan.outcome == Loan.Outcome.LOST
    assert reload(copy).status == Copy.Status.LOST


def test_withdrawing_a_copy_on_the_hold_shelf_returns_the_hold_to_the_queue(
    staff, centre, patron, copy
):
    hold = services.place_hold(patron, copy.material, centre)
    services.checkin(staff, centre, copy.barcode)
    services.withdraw(staff, centre, copy.barcode)
    hold = reload(hold)
    assert hold.status == Hold.Status.WAITING and hold.copy is None
    with pytest.raises(services.CirculationError):
        services.checkout(staff, centre, patron, copy.barcode)


def test_staff_of_another_centre_cannot_mark_a_copy_lost(other_staff, other_centre, copy):
    with pytest.raises(services.CirculationError):
        services.mark_lost(other_staff, other_centre, copy.barcode)
    assert reload(copy).status == Copy.Status.AVAILABLE


def test_a_copy_on_loan_cannot_be_withdrawn_before_it_is_checked_in(staff, centre, patron, copy):
    services.checkout(staff, centre, patron, copy.barcode)
    with pytest.raises(services.CirculationError, match="check it in"):
        services.withdraw(staff, centre, copy.barcode)
    assert reload(copy).status == Copy.Status.ON_LOAN


def test_loan_history_cannot_be_deleted_with_its_copy_or_patron(staff, centre, patron, copy):
    services.checkout(staff, centre, patron, copy.barcode)
    services.checkin(staff, centre, copy.barcode)
    for record in (copy, patron):
        with pytest.raises(ProtectedError):
            record.delete()
    assert Loan.objects.count() == 1
