"""A desk morning in a real browser, driven the way a barcode scanner drives it.

A scanner types the code and presses Enter into whatever has the focus, so
these steps never click a field: they rely on the barcode field's autofocus
and on Enter submitting the form. Uses the Chromium set-up of tests/browser.
"""

import pytest
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from library import services
from library.factories import CentreFactory, CentreStaffFactory, CopyFactory, PatronFactory
from library.models import Copy, Hold, Loan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def scan(page, field, code):
    """Type into the focused field and press Enter, as a scanner does (no click)."""
    expect(page.locator(f'input[name="{field}"]')).to_be_focused()
    page.keyboard.type(code)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_desk_morning_with_a_scanner(page, live_server, screenshot):
    centre = CentreFactory(code="bak1", name="Baku resource centre 1")
    staff = CentreStaffFactory(centre=centre, user=UserFactory(username="centre")).user
    teacher = PatronFactory(name="Aysel Mammadova", home_centre=centre, card_number="P0000001")
    parent = PatronFactory(name="Gunel Hasanova", home_centre=centre, card_number="P0000003")
    book = CopyFactory(home_centre=centre, barcode="BAK1000100")
    device = CopyFactory(home_centre=centre, barcode="BAK1000200")

    page.goto(f"{live_server.url}/library/desk/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Baku resource centre 1")

    # Check out: scan the card, then both copies.
    page.get_by_role("navigation", name="Desk").get_by_role("link", name="Check out").click()
    scan(page, "card", "P0000001")
    expect(page.get_by_role("heading", name="Aysel Mammadova")).to_be_visible()
    scan(page, "barcode", "BAK1000100")
    expect(page.get_by_text("Lent “")).to_be_visible()
    scan(page, "barcode", "bak1000200")
    expect(page.locator("table")).to_contain_text("BAK1000200")
    screenshot("library-desk-checkout")
    assert Loan.objects.filter(patron=teacher, returned_at__isnull=True).count() == 2

    # The parent has reserved the book; the desk takes it back and is told to
    # put it on the hold shelf.
    services.place_hold(parent, book.material, centre)
    page.get_by_role("navigation", name="Desk").get_by_role("link", name="Check in").click()
    scan(page, "barcode", "BAK1000100")
    expect(page.get_by_text("hold shelf for Gunel Hasanova")).to_be_visible()
    scan(page, "barcode", "BAK1000200")
    expect(page.get_by_text("back on the shelf")).to_be_visible()
    screenshot("library-desk-checkin")
    assert Hold.objects.get(patron=parent).status == Hold.Status.READY
    assert Copy.objects.get(pk=device.pk).status == Copy.Status.AVAILABLE

    # The parent collects it.
    page.get_by_role("navigation", name="Desk").get_by_role("link", name="Check out").click()
    scan(page, "card", "P0000003")
    expect(page.get_by_text("Waiting for this patron on the hold shelf")).to_be_visible()
    scan(page, "barcode", "BAK1000100")
    expect(page.locator("table")).to_contain_text("BAK1000100")
    assert Hold.objects.get(patron=parent).status == Hold.Status.FULFILLED


def test_on_a_phone_the_desk_search_finds_a_patron_and_a_scanned_copy(page, live_server, axe):
    centre = CentreFactory(code="bak1", name="Baku resource centre 1")
    staff = CentreStaffFactory(centre=centre, user=UserFactory(username="centre")).user
    PatronFactory(name="Aysel Mammadova", home_centre=centre, card_number="P0000001")
    CopyFactory(home_centre=centre, barcode="BAK1000100")
    other = CentreFactory(code="gan", name="Ganja resource centre")
    PatronFactory(name="Aysel Ganjali", home_centre=other, card_number="P0000009")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    # Staff land on their desk, not on "My learning".
    expect(page.get_by_role("heading", level=1)).to_have_text("Baku resource centre 1")

    field = page.get_by_role("searchbox", name="Find a patron or copy")
    expect(field).to_be_visible()
    field.fill("aysel")
    field.press("Enter")
    results = page.get_by_role("link", name="Aysel Mammadova")
    expect(results).to_be_visible()
    expect(page.get_by_text("Aysel Ganjali")).to_have_count(0)
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert axe() == [], "desk search results"
    results.click()
    expect(page.get_by_role("heading", name="Aysel Mammadova")).to_be_visible()

    # A barcode scanned into the search field opens the copy, ready to lend.
    field = page.get_by_role("searchbox", name="Find a patron or copy")
    field.fill("bak1000100")
    with page.expect_navigation():
        field.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_label("Patron card number")).to_be_visible()
    assert axe() == [], "desk copy page"
    page.get_by_label("Patron card number").fill("P0000001")
    page.get_by_role("button", name="Lend").click()
    expect(page.locator("table")).to_contain_text("BAK1000100")
    assert Loan.objects.filter(copy__barcode="BAK1000100", returned_at__isnull=True).exists()
