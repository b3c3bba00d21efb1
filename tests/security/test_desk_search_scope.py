"""The desk search and copy pages show one centre's patrons and copies to its staff only.

An outside test found patrons and barcodes reachable only through the admin;
the desk search that replaced it must not widen who sees them.
"""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from library.factories import (
    CentreFactory,
    CentreStaffFactory,
    CopyFactory,
    MaterialFactory,
    PatronFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_centres():
    baku = CentreFactory(code="bak1", name="Baku")
    ganja = CentreFactory(code="gan", name="Ganja")
    PatronFactory(name="Ganja Patron", home_centre=ganja, card_number="PGAN0001")
    CopyFactory(
        material=MaterialFactory(title="Ganja atlas"), home_centre=ganja, barcode="GAN-0001"
    )
    PatronFactory(name="Baku Patron", home_centre=baku, card_number="PBAK0001")
    return baku, ganja


def staff_of(centre):
    return CentreStaffFactory(centre=centre, user=UserFactory()).user


def test_staff_search_their_own_desk_without_meeting_another_centres_records(client, two_centres):
    baku, _ganja = two_centres
    client.force_login(staff_of(baku))
    url = reverse("library:desk_search", args=["bak1"])
    for query in ("Ganja", "PGAN", "GAN-0001", "gan-"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, query
        content = response.content.decode()
        assert "Ganja Patron" not in content and "Ganja atlas" not in content, query
        assert "card=PGAN0001" not in content and "/copies/GAN-0001/" not in content, query
    assert "Baku Patron" in client.get(url, {"q": "PBAK"}).content.decode()


def test_another_centres_copy_is_not_found_through_ones_own_desk(client, two_centres):
    baku, _ganja = two_centres
    client.force_login(staff_of(baku))
    assert client.get(reverse("library:desk_copy", args=["bak1", "GAN-0001"])).status_code == 404


@pytest.mark.parametrize("name", ["library:desk_search", "library:desk_copy"])
def test_staff_of_another_centre_and_non_staff_are_refused(client, two_centres, name):
    baku, _ganja = two_centres
    args = ["gan"] if name == "library:desk_search" else ["gan", "GAN-0001"]
    for user in (staff_of(baku), UserFactory()):
        client.force_login(user)
        response = client.get(reverse(name, args=args), {"q": "Ganja"})
        assert response.status_code == 403
        assert "Ganja Patron" not in response.content.decode()
