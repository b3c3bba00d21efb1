"""The desk's search field: patrons and copies of the centre, a scanned barcode opens the copy."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from library import services
from library.factories import CopyFactory, MaterialFactory, PatronFactory
from library.models import Copy, Loan

pytestmark = pytest.mark.django_db

SEARCH_PAGE_MAX_QUERIES = 9


def search(client, centre, query):
    return client.get(reverse("library:desk_search", args=[centre.code]), {"q": query})


def copy_url(centre, barcode):
    return reverse("library:desk_copy", args=[centre.code, barcode])


def test_a_scanned_barcode_goes_straight_to_the_copy(staff_client, centre, copy):
    response = search(staff_client, centre, " bak1-0001 ")
    assert response.status_code == 302 and response.url == copy_url(centre, "BAK1-0001")


def test_a_patron_is_found_by_name_card_number_or_email(staff_client, centre, patron):
    patron.card_number, patron.email = "P000123456", "aysel.m@example.org"
    patron.save()
    checkout = reverse("library:checkout", args=[centre.code]) + "?card=P000123456"
    for query in ("aysel mamm", "p000123", "AYSEL.M@EXAMPLE"):
        content = search(staff_client, centre, query).content.decode()
        assert checkout in content, query


def test_a_patron_is_found_by_the_email_of_their_account(staff_client, centre):
    PatronFactory(name="Leyla", home_centre=centre, user=UserFactory(email="leyla@school.az"))
    assert "Leyla" in search(staff_client, centre, "leyla@school").content.decode()


def test_copies_are_found_by_barcode_prefix_or_title(staff_client, centre, copy, second_copy):
    content = search(staff_client, centre, "bak1-").content.decode()
    assert copy_url(centre, "BAK1-0001") in content and copy_url(centre, "BAK1-0002") in content
    content = search(staff_client, centre, "design for learning").content.decode()
    assert copy_url(centre, "BAK1-0001") in content


def test_a_search_too_short_is_refused_with_a_message(staff_client, centre, copy):
    response = search(staff_client, centre, "b")
    assert response.status_code == 200
    assert copy_url(centre, "BAK1-0001") not in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_patrons_lent_to_or_holding_here_are_found_though_registered_elsewhere(
    staff, staff_client, centre, other_centre
):
    visitor = PatronFactory(name="Visiting teacher", home_centre=other_centre)
    services.checkout(staff, centre, visitor, CopyFactory(home_centre=centre).barcode)
    assert "Visiting teacher" in search(staff_client, centre, "visiting").content.decode()


def test_the_search_page_reads_a_fixed_number_of_queries_however_many_match(
    staff_client, centre, material, django_assert_max_num_queries
):
    for i in range(40):
        PatronFactory(name=f"Teacher {i}", home_centre=centre)
        CopyFactory(material=material, home_centre=centre, barcode=f"TCH-{i:03}")
    search(staff_client, centre, "te")  # the first fills the caches
    with django_assert_max_num_queries(SEARCH_PAGE_MAX_QUERIES):
        response = search(staff_client, centre, "te")
    content = response.content.decode()
    assert content.count("?card=") == 25 and "Only the first 25" in content


def test_the_copy_page_offers_lending_a_copy_on_the_shelf(staff_client, centre, copy, patron):
    content = staff_client.get(copy_url(centre, copy.barcode)).content.decode()
    assert 'name="card"' in content
    response = staff_client.post(
        reverse("library:checkout", args=[centre.code]),
        {"card": patron.card_number, "barcode": copy.barcode},
    )
    assert response.status_code == 302
    assert Loan.objects.filter(copy=copy, patron=patron, returned_at__isnull=True).exists()


def test_the_copy_page_of_a_lent_copy_names_the_patron_and_offers_return_and_renewal(
    staff, staff_client, centre, copy, patron
):
    services.checkout(staff, centre, patron, copy.barcode)
    content = staff_client.get(copy_url(centre, copy.barcode)).content.decode()
    assert patron.name in content and 'name="card"' not in content
    assert reverse("library:checkin", args=[centre.code]) in content
    assert reverse("library:renew", args=[centre.code]) in content
    staff_client.post(reverse("library:checkin", args=[centre.code]), {"barcode": copy.barcode})
    copy.refresh_from_db()
    assert copy.status == Copy.Status.AVAILABLE


def test_a_copy_of_this_centre_away_at_another_is_found_but_not_lent_from_here(
    staff_client, centre, other_centre
):
    away = CopyFactory(
        material=MaterialFactory(title="Braille primer"),
        home_centre=centre,
        current_centre=other_centre,
        barcode="BAK1-0900",
    )
    response = search(staff_client, centre, away.barcode)
    assert response.url == copy_url(centre, away.barcode)
    content = staff_client.get(response.url).content.decode()
    assert other_centre.name in content and 'name="card"' not in content
