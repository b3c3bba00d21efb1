"""Loan rules (most specific wins, defaults otherwise) and stock-takes (missing, misplaced)."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from library import services
from library.factories import CopyFactory, LoanRuleFactory
from library.models import LoanRule, StockTakeScan

pytestmark = pytest.mark.django_db


def test_with_no_rule_the_library_defaults_apply(centre):
    terms = LoanRule.terms_for(centre, "teacher", "book")
    assert (terms.loan_days, terms.renewals_allowed, terms.max_loans, terms.max_holds) == (
        21,
        2,
        10,
        5,
    )


@override_settings(LIBRARY={"DEFAULT_LOAN_DAYS": 7})
def test_a_site_can_change_the_defaults_in_settings(centre):
    assert LoanRule.terms_for(centre, "teacher", "book").loan_days == 7


def test_the_most_specific_rule_wins(centre, other_centre):
    LoanRuleFactory(loan_days=30)
    LoanRuleFactory(kind="device", loan_days=14)
    LoanRuleFactory(category="parent", kind="device", loan_days=28)
    LoanRuleFactory(centre=centre, kind="device", loan_days=10)
    assert LoanRule.terms_for(centre, "teacher", "device").loan_days == 10
    assert LoanRule.terms_for(other_centre, "parent", "device").loan_days == 28
    assert LoanRule.terms_for(other_centre, "teacher", "device").loan_days == 14
    assert LoanRule.terms_for(other_centre, "teacher", "book").loan_days == 30


def test_a_centre_rule_beats_a_network_rule_for_a_category(centre):
    LoanRuleFactory(category="teacher", kind="book", loan_days=30)
    LoanRuleFactory(centre=centre, loan_days=7)
    assert LoanRule.terms_for(centre, "teacher", "book").loan_days == 7


def test_the_loan_period_comes_from_the_matching_rule(staff, centre, patron, copy):
    LoanRuleFactory(centre=centre, kind=copy.material.kind, loan_days=3)
    loan = services.checkout(staff, centre, patron, copy.barcode)
    assert timezone.localtime(loan.due_at).date() == timezone.localdate() + timedelta(days=3)


@pytest.fixture
def shelves(centre, other_centre, material, staff, patron):
    """Four copies recorded here (one on loan), one recorded at the other centre."""
    on_shelf = [
        CopyFactory(material=material, home_centre=centre, barcode=f"SHELF-{i}") for i in range(3)
    ]
    lent = CopyFactory(material=material, home_centre=centre, barcode="LENT-1")
    services.checkout(staff, centre, patron, lent.barcode)
    elsewhere = CopyFactory(material=material, home_centre=other_centre, barcode="GAN-1")
    return on_shelf, lent, elsewhere


def test_a_stocktake_lists_missing_and_misplaced_copies(staff, centre, shelves):
    on_shelf, lent, elsewhere = shelves
    stocktake = services.start_stocktake(staff, centre)
    services.record_scans(staff, stocktake, ["shelf-0", "SHELF-1", "GAN-1", "LENT-1", "??"])
    result = services.stocktake_result(stocktake)
    assert [c.barcode for c in result.missing] == ["SHELF-2"]
    assert [c.barcode for c in result.misplaced] == ["GAN-1", "LENT-1"]
    assert result.unknown == ["??"]
    assert result.found == 4


def test_scanning_a_barcode_twice_counts_it_once(staff, centre, shelves):
    stocktake = services.start_stocktake(staff, centre)
    assert services.record_scans(staff, stocktake, ["SHELF-0"]) == 1
    assert services.record_scans(staff, stocktake, ["SHELF-0", "SHELF-1"]) == 1
    assert StockTakeScan.objects.filter(stocktake=stocktake).count() == 2


def test_a_finished_stocktake_takes_no_more_scans(staff, centre, shelves):
    stocktake = services.start_stocktake(staff, centre)
    services.finish_stocktake(staff, stocktake)
    with pytest.raises(services.CirculationError):
        services.record_scans(staff, stocktake, ["SHELF-0"])


def test_only_staff_of_the_centre_may_stocktake(other_staff, centre, staff):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.start_stocktake(other_staff, centre)
    stocktake = services.start_stocktake(staff, centre)
    with pytest.raises(PermissionDenied):
        services.record_scans(other_staff, stocktake, ["X"])


def test_an_uploaded_shelf_file_of_thousands_of_barcodes_is_recorded(staff, centre, shelves):
    stocktake = services.start_stocktake(staff, centre)
    barcodes = [f"UNKNOWN-{n}" for n in range(1200)] + ["SHELF-0", "shelf-1"]
    assert services.record_scans(staff, stocktake, barcodes) == 1202
    result = services.stocktake_result(stocktake)
    assert result.found == 2 and len(result.unknown) == 1200
