"""Each public library factory builds a valid object."""

import pytest

from library.factories import (
    CentreFactory,
    CentreStaffFactory,
    CopyFactory,
    HoldFactory,
    LoanFactory,
    LoanRuleFactory,
    MaterialFactory,
    PatronFactory,
)
from library.models import Copy, Hold

pytestmark = pytest.mark.django_db


def test_centre_factory_makes_a_centre():
    assert CentreFactory().code.startswith("rc")


def test_centre_staff_factory_puts_a_user_on_a_centres_staff():
    membership = CentreStaffFactory()
    assert membership.user in membership.centre.staff.all()


def test_material_factory_makes_a_material_with_languages_and_formats():
    from library.models import AccessibleFormat, Language

    material = MaterialFactory(
        languages=Language.objects.filter(code="az"),
        formats=AccessibleFormat.objects.filter(code="braille"),
    )
    assert [lang.code for lang in material.languages.all()] == ["az"]
    assert [fmt.code for fmt in material.formats.all()] == ["braille"]


def test_copy_factory_makes_an_available_copy_with_a_generated_barcode():
    copy = CopyFactory()
    assert copy.status == Copy.Status.AVAILABLE
    assert copy.barcode.startswith(copy.home_centre.code.upper())
    assert copy.current_centre == copy.home_centre


def test_patron_factory_makes_a_patron_with_a_card_number():
    assert PatronFactory().card_number.startswith("P")


def test_loan_rule_factory_makes_a_network_wide_rule():
    assert LoanRuleFactory().centre is None


def test_loan_factory_lends_through_the_service():
    loan = LoanFactory()
    loan.copy.refresh_from_db()
    assert loan.returned_at is None and loan.copy.status == Copy.Status.ON_LOAN


def test_hold_factory_queues_through_the_service():
    copy = CopyFactory()
    hold = HoldFactory(material=copy.material)
    assert hold.status == Hold.Status.WAITING
