"""The staff desk in the browser: a day's work, and every view refusing the wrong people."""

import io
import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import UserFactory
from library import services
from library.factories import CopyFactory
from library.models import Copy, Hold, Loan, StockTake, Transfer

pytestmark = pytest.mark.django_db

DESK_VIEWS = [
    ("library:desk_home", {}),
    ("library:desk_search", {}),
    ("library:desk_copy", {"barcode": "BAK1-0001"}),
    ("library:checkout", {}),
    ("library:checkin", {}),
    ("library:renew", {}),
    ("library:holds", {}),
    ("library:transfers", {}),
    ("library:out_of_stock", {}),
    ("library:stocktakes", {}),
    ("library:labels", {}),
    ("library:report", {"slug": "overdue"}),
]


def desk_url(name, centre, **kwargs):
    return reverse(name, kwargs={"centre": centre.code, **kwargs})


@pytest.mark.parametrize(("name", "kwargs"), DESK_VIEWS)
def test_every_desk_page_opens_for_the_centres_staff(staff_client, centre, copy, name, kwargs):
    response = staff_client.get(desk_url(name, centre, **kwargs))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), DESK_VIEWS)
def test_anonymous_visitors_are_sent_to_sign_in(client, centre, name, kwargs):
    for method in (client.get, client.post):
        response = method(desk_url(name, centre, **kwargs))
        assert response.status_code == 302 and reverse("login") in response.url


@pytest.mark.parametrize(("name", "kwargs"), DESK_VIEWS)
def test_a_patron_is_refused_every_desk_page(client, patron, learner, centre, name, kwargs):
    client.force_login(learner)
    assert client.get(desk_url(name, centre, **kwargs)).status_code == 403
    assert client.post(desk_url(name, centre, **kwargs), {"barcode": "X"}).status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), DESK_VIEWS)
def test_staff_of_another_centre_are_refused_every_desk_page(
    client, other_staff, centre, name, kwargs
):
    client.force_login(other_staff)
    assert client.get(desk_url(name, centre, **kwargs)).status_code == 403
    assert client.post(desk_url(name, centre, **kwargs), {"barcode": "X"}).status_code == 403


def test_the_stocktake_page_refuses_staff_of_another_centre(client, staff, other_staff, centre):
    stocktake = services.start_stocktake(staff, centre)
    client.force_login(other_staff)
    url = desk_url("library:stocktake", centre, pk=stocktake.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "scan", "barcode": "X"}).status_code == 403
    assert not stocktake.scans.exists()


def test_staff_cannot_reach_another_centres_stocktake_through_their_own_centre(
    client, staff, other_staff, centre, other_centre
):
    stocktake = services.start_stocktake(other_staff, other_centre)
    client.force_login(staff)
    assert client.get(desk_url("library:stocktake", centre, pk=stocktake.pk)).status_code == 404


def test_a_desk_post_by_another_centres_staff_changes_nothing(client, other_staff, centre, copy):
    client.force_login(other_staff)
    client.post(
        desk_url("library:out_of_stock", centre), {"barcode": copy.barcode, "action": "lost"}
    )
    copy.refresh_from_db()
    assert copy.status == Copy.Status.AVAILABLE


def test_the_desk_index_sends_staff_of_one_centre_to_its_desk(staff_client, centre):
    response = staff_client.get(reverse("library:desk"))
    assert response.status_code == 302 and response.url == desk_url("library:desk_home", centre)


def test_the_desk_index_refuses_people_who_staff_no_centre(client, learner):
    client.force_login(learner)
    assert client.get(reverse("library:desk")).status_code == 403


def test_barcode_fields_take_the_focus_for_a_scanner(staff_client, centre):
    response = staff_client.get(desk_url("library:checkin", centre))
    assert b'name="barcode"' in response.content and b"autofocus" in response.content


def test_a_day_at_the_desk(
    staff_client, staff, other_staff, centre, other_centre, patron, other_patron, material
):
    copies = [
        CopyFactory(material=material, home_centre=centre, barcode=f"DAY-{i}") for i in range(3)
    ]
    # Morning: a teacher borrows two copies, scanned one after the other.
    url = desk_url("library:checkout", centre)
    response = staff_client.get(url, {"card": patron.card_number})
    assert patron.name in response.content.decode()
    for copy in copies[:2]:
        response = staff_client.post(url, {"card": patron.card_number, "barcode": copy.barcode})
        assert response.status_code == 302 and patron.card_number in response.url
    response = staff_client.get(response.url)
    assert "DAY-0" in response.content.decode() and "DAY-1" in response.content.decode()
    assert Loan.objects.filter(patron=patron, returned_at__isnull=True).count() == 2

    # A second try on the same copy is refused with a message, not an error page.
    response = staff_client.post(
        url, {"card": other_patron.card_number, "barcode": "DAY-0"}, follow=True
    )
    assert "on loan" in response.content.decode()

    # Someone else holds the material; the teacher tries to renew and is refused.
    services.place_hold(other_patron, material, centre)
    response = staff_client.post(
        desk_url("library:renew", centre), {"barcode": "DAY-0"}, follow=True
    )
    assert "waiting" in response.content.decode()

    # The hold can be filled from the shelf: pull DAY-2 and scan it.
    response = staff_client.get(desk_url("library:holds", centre))
    assert other_patron.name in response.content.decode()
    response = staff_client.post(
        desk_url("library:checkin", centre), {"barcode": "DAY-2"}, follow=True
    )
    assert "hold shelf" in response.content.decode()
    assert Hold.objects.get(patron=other_patron).status == Hold.Status.READY

    # The holder collects it.
    staff_client.post(url, {"card": other_patron.card_number, "barcode": "DAY-2"})
    assert Hold.objects.get(patron=other_patron).status == Hold.Status.FULFILLED

    # Afternoon: DAY-0 comes back and is shelved; DAY-1 is reported lost.
    response = staff_client.post(
        desk_url("library:checkin", centre), {"barcode": "day-0"}, follow=True
    )
    assert "back on the shelf" in response.content.decode()
    staff_client.post(
        desk_url("library:out_of_stock", centre), {"barcode": "DAY-1", "action": "lost"}
    )
    assert Copy.objects.get(barcode="DAY-1").status == Copy.Status.LOST

    # DAY-0 goes to Ganja; the Ganja desk receives it.
    staff_client.post(
        desk_url("library:transfers", centre),
        {"action": "send", "send-barcode": "DAY-0", "send-to_centre": other_centre.pk},
    )
    assert Transfer.objects.get().to_centre == other_centre
    staff_client.force_login(other_staff)
    response = staff_client.post(
        desk_url("library:transfers", other_centre),
        {"action": "receive", "receive-barcode": "DAY-0"},
        follow=True,
    )
    assert response.status_code == 200
    assert Copy.objects.get(barcode="DAY-0").current_centre == other_centre


def test_a_stocktake_at_the_desk_with_scans_and_an_upload(
    staff_client, centre, other_centre, material
):
    CopyFactory(material=material, home_centre=centre, barcode="ST-1")
    CopyFactory(material=material, home_centre=centre, barcode="ST-2")
    CopyFactory(material=material, home_centre=other_centre, barcode="ST-9")
    staff_client.post(desk_url("library:stocktakes", centre))
    stocktake = StockTake.objects.get()
    url = desk_url("library:stocktake", centre, pk=stocktake.pk)
    staff_client.post(url, {"action": "scan", "barcode": "ST-1"})
    upload = io.BytesIO(b"barcode\nST-9\n")
    upload.name = "shelf.csv"
    staff_client.post(url, {"action": "upload", "file": upload})
    content = staff_client.get(url).content.decode()
    assert "ST-2" in content.split("Misplaced")[0]  # missing
    assert "ST-9" in content.split("Misplaced")[1]  # misplaced


def test_a_malformed_upload_gets_a_clear_message(staff_client, staff, centre):
    stocktake = services.start_stocktake(staff, centre)
    upload = io.BytesIO(b"\xff\xfe\x00garbage")
    upload.name = "shelf.csv"
    response = staff_client.post(
        desk_url("library:stocktake", centre, pk=stocktake.pk), {"action": "upload", "file": upload}
    )
    assert response.status_code == 200
    assert "not UTF-8" in response.content.decode()
    assert not stocktake.scans.exists()


def test_the_label_sheet_draws_a_code128_barcode_per_copy(staff_client, centre, copy):
    response = staff_client.get(desk_url("library:labels", centre))
    content = response.content.decode()
    assert content.count("<svg") == 1 and 'aria-label="BAK1-0001"' in content


def test_the_admin_menu_shows_the_desk_only_to_centre_staff(client, staff, learner):
    from django.contrib.auth.models import Permission

    for user in (staff, learner):
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert reverse("library:desk").encode() in client.get("/admin/").content
    client.force_login(learner)
    assert reverse("library:desk").encode() not in client.get("/admin/").content


def test_a_superuser_may_run_any_centres_desk(client, centre):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    assert client.get(desk_url("library:checkin", centre)).status_code == 200


def test_an_unknown_card_at_checkout_gets_one_clear_message(staff_client, centre, copy):
    url = desk_url("library:checkout", centre)
    response = staff_client.post(url, {"card": "P404", "barcode": copy.barcode}, follow=True)
    assert response.content.decode().count("No patron has the card number") == 1
    assert not Loan.objects.exists()


def test_scanning_a_card_that_does_not_exist_says_so(staff_client, centre):
    response = staff_client.get(desk_url("library:checkout", centre), {"card": "P404"})
    assert "No patron has the card number" in response.content.decode()
    assert b'name="card"' in response.content


# Ceiling pinned from measurement; raise it only with a reason.
CHECKOUT_PAGE_MAX_QUERIES = 11


def test_the_checkout_page_costs_the_same_with_one_loan_or_many(
    staff_client, staff, centre, patron, django_assert_max_num_queries
):
    url = desk_url("library:checkout", centre)

    def count():
        staff_client.get(url, {"card": patron.card_number})  # the first fills the caches
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(url, {"card": patron.card_number}).status_code == 200
        return len(captured)

    services.checkout(staff, centre, patron, CopyFactory(home_centre=centre).barcode)
    few = count()
    for _ in range(7):
        services.checkout(staff, centre, patron, CopyFactory(home_centre=centre).barcode)
    assert count() == few
    with django_assert_max_num_queries(CHECKOUT_PAGE_MAX_QUERIES):
        staff_client.get(url, {"card": patron.card_number})


@pytest.mark.parametrize(("name", "kwargs"), DESK_VIEWS)
def test_desk_pages_have_unique_element_ids_and_one_autofocus(
    staff_client, centre, copy, name, kwargs
):
    content = staff_client.get(desk_url(name, centre, **kwargs)).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', content))
    assert [i for i, n in ids.items() if n > 1] == []
    assert content.count("autofocus") <= 1


def test_checking_in_a_copy_that_was_not_on_loan_says_so(staff_client, centre, copy):
    response = staff_client.post(
        desk_url("library:checkin", centre), {"barcode": copy.barcode}, follow=True
    )
    assert "was not on loan" in response.content.decode()


def test_lending_a_copy_others_wait_for_warns_the_desk(
    staff_client, centre, patron, other_patron, copy, second_copy
):
    services.place_hold(other_patron, copy.material, centre)
    response = staff_client.post(
        desk_url("library:checkout", centre),
        {"card": patron.card_number, "barcode": copy.barcode},
        follow=True,
    )
    assert "1 other patron is waiting" in response.content.decode()
