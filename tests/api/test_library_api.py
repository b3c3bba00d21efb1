"""The library's staff endpoints at the level a desk's own system meets them.

Copies and patrons scoped to the caller's centres, the patron's own card,
cancelling holds, sending and receiving copies, and the catalogue search
agreeing with the site's. The role matrix covers who gets which answer; these
tests cover what comes back and what is left in the database.
"""

import pytest
from wagtail.models import ModelLogEntry

from library import services as library
from library.factories import CopyFactory, MaterialFactory, PatronFactory
from library.models import Copy, Hold, Loan, Transfer

pytestmark = pytest.mark.django_db


def errors(response):
    assert response.status_code == 400, response.content
    return response.json()["errors"]


# --- Copies ------------------------------------------------------------------------------


def test_staff_list_only_copies_at_their_centres_and_admins_all(world, api):
    staff = api(world["users"]["staff"]).get("/api/v1/library/copies/").json()
    assert [c["barcode"] for c in staff["results"]] == ["BAK1-0001"]
    assert staff["results"][0]["current_centre"] == "bak1"
    admin = api(world["users"]["admin"]).get("/api/v1/library/copies/").json()
    assert {c["barcode"] for c in admin["results"]} == {"BAK1-0001", "GAN-0001"}


def test_a_copy_sent_away_leaves_the_senders_list_when_received(world, api):
    library.send_transfer(
        world["users"]["staff"], world["centre"], "BAK1-0001", world["other_centre"]
    )
    library.receive_transfer(world["users"]["other_staff"], world["other_centre"], "BAK1-0001")
    staff = api(world["users"]["staff"]).get("/api/v1/library/copies/").json()
    assert staff["count"] == 0
    other = api(world["users"]["other_staff"]).get("/api/v1/library/copies/").json()
    assert {c["barcode"] for c in other["results"]} == {"BAK1-0001", "GAN-0001"}


def test_copies_filter_by_barcode_material_centre_and_status(world, api):
    CopyFactory(material=MaterialFactory(title="Braille primer"), home_centre=world["centre"])
    client = api(world["users"]["admin"])

    def barcodes(**params):
        return {
            c["barcode"] for c in client.get("/api/v1/library/copies/", params).json()["results"]
        }

    assert barcodes(barcode=" bak1-0001 ") == {"BAK1-0001"}
    assert barcodes(material=world["material"].pk) == {"BAK1-0001", "GAN-0001"}
    assert barcodes(centre="gan") == {"GAN-0001"}
    library.checkout(world["users"]["staff"], world["centre"], world["patron"], "BAK1-0001")
    assert barcodes(status="on_loan") == {"BAK1-0001"}


def test_a_bad_copy_filter_is_a_400_naming_the_field(world, api):
    client = api(world["users"]["staff"])
    assert "status" in errors(client.get("/api/v1/library/copies/", {"status": "borrowed"}))
    assert "material" in errors(client.get("/api/v1/library/copies/", {"material": "x"}))


# --- Patrons -----------------------------------------------------------------------------


def test_staff_see_their_centres_patrons_and_those_they_lend_to(world, api):
    other = api(world["users"]["other_staff"])
    assert other.get("/api/v1/library/patrons/").json()["count"] == 0
    # The Baku patron borrows in Ganja: Ganja's desk now serves them.
    library.checkout(
        world["users"]["other_staff"], world["other_centre"], world["patron"], "GAN-0001"
    )
    [patron] = other.get("/api/v1/library/patrons/").json()["results"]
    assert patron["card_number"] == world["patron"].card_number
    assert patron["email"] == world["patron"].email


def test_patrons_are_found_by_card_number_or_part_of_the_name(world, api):
    PatronFactory(name="Rashad Aliyev", home_centre=world["centre"])
    client = api(world["users"]["staff"])

    def names(q):
        body = client.get("/api/v1/library/patrons/", {"q": q}).json()
        return [p["name"] for p in body["results"]]

    assert names(world["patron"].card_number.lower()) == ["Aysel Mammadova"]
    assert names("aliyev") == ["Rashad Aliyev"]
    assert names("nobody") == []


def test_a_learner_reads_their_own_card_and_no_one_elses(world, api):
    learner = api(world["users"]["learner"])
    me = learner.get("/api/v1/library/patrons/me/").json()
    assert me["card_number"] == world["patron"].card_number
    assert learner.get(f"/api/v1/library/patrons/{world['patron'].pk}/").status_code == 403
    assert learner.get("/api/v1/library/patrons/").status_code == 403


# --- Holds -------------------------------------------------------------------------------


def test_a_patron_lists_and_cancels_their_own_hold_and_it_is_logged(world, api):
    hold = library.place_hold(world["patron"], world["material"], world["centre"])
    learner = api(world["users"]["learner"])
    assert [h["id"] for h in learner.get("/api/v1/library/holds/").json()["results"]] == [hold.pk]
    response = learner.post(f"/api/v1/library/holds/{hold.pk}/cancel/")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert Hold.objects.get(pk=hold.pk).status == Hold.Status.CANCELLED
    entry = ModelLogEntry.objects.get(action="library.cancel_hold")
    assert entry.user == world["users"]["learner"]
    assert "Aysel" not in str(entry.data) + entry.label
    # Cancelled holds are no longer there to cancel.
    assert learner.post(f"/api/v1/library/holds/{hold.pk}/cancel/").status_code == 404


def test_cancelling_a_ready_hold_puts_its_copy_back_on_the_shelf(world, api):
    hold = library.place_hold(world["patron"], world["material"], world["centre"])
    library.checkin(world["users"]["staff"], world["centre"], "BAK1-0001")  # trapped for the hold
    assert Copy.objects.get(barcode="BAK1-0001").status == Copy.Status.AWAITING_PICKUP
    response = api(world["users"]["staff"]).post(f"/api/v1/library/holds/{hold.pk}/cancel/")
    assert response.status_code == 200
    assert Copy.objects.get(barcode="BAK1-0001").status == Copy.Status.AVAILABLE


def test_another_centres_staff_cannot_cancel_a_hold(world, api):
    hold = library.place_hold(world["patron"], world["material"], world["centre"])
    response = api(world["users"]["other_staff"]).post(f"/api/v1/library/holds/{hold.pk}/cancel/")
    assert response.status_code == 404
    assert Hold.objects.get(pk=hold.pk).status == Hold.Status.WAITING


# --- Transfers ---------------------------------------------------------------------------


def test_a_copy_is_sent_listed_at_both_ends_and_received(world, api):
    staff, other = api(world["users"]["staff"]), api(world["users"]["other_staff"])
    response = staff.post(
        "/api/v1/library/transfers/",
        {"centre": "bak1", "barcode": "bak1-0001", "to_centre": "gan"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["to_centre"] == "gan"
    assert Copy.objects.get(barcode="BAK1-0001").status == Copy.Status.IN_TRANSIT
    for client in (staff, other):
        body = client.get("/api/v1/library/transfers/", {"open": "true"}).json()
        assert [t["barcode"] for t in body["results"]] == ["BAK1-0001"]
    received = other.post(
        "/api/v1/library/transfers/receive/",
        {"centre": "gan", "barcode": "BAK1-0001"},
        format="json",
    )
    assert received.status_code == 200, received.content
    assert received.json()["action"] == "shelved"
    assert received.json()["transfer"]["received_at"] is not None
    copy = Copy.objects.get(barcode="BAK1-0001")
    assert (copy.status, copy.current_centre) == (Copy.Status.AVAILABLE, world["other_centre"])
    assert staff.get("/api/v1/library/transfers/", {"open": "true"}).json()["count"] == 0
    assert set(
        ModelLogEntry.objects.filter(action__startswith="library.").values_list("action", flat=True)
    ) == {"library.send_transfer", "library.receive_transfer"}


def test_a_copy_for_a_hold_goes_on_the_hold_shelf_when_received(world, api):
    library.checkout(
        world["users"]["other_staff"],
        world["other_centre"],
        PatronFactory(home_centre=world["other_centre"]),
        "GAN-0001",
    )
    hold = library.place_hold(world["patron"], world["material"], world["other_centre"])
    library.checkin(world["users"]["staff"], world["centre"], "BAK1-0001")  # on its way to Ganja
    response = api(world["users"]["other_staff"]).post(
        "/api/v1/library/transfers/receive/",
        {"centre": "gan", "barcode": "BAK1-0001"},
        format="json",
    )
    assert response.json()["action"] == "hold_shelf"
    assert response.json()["hold"] == hold.pk
    assert Hold.objects.get(pk=hold.pk).status == Hold.Status.READY


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "centre"),
        ({"centre": "bak1", "barcode": "BAK1-0001"}, "to_centre"),
        ({"centre": "bak1", "barcode": "BAK1-0001", "to_centre": "nowhere"}, "to_centre"),
        ({"centre": "bak1", "barcode": "BAK1-0001", "to_centre": "bak1"}, "non_field_errors"),
        ({"centre": "bak1", "barcode": "NO-SUCH", "to_centre": "gan"}, "non_field_errors"),
    ],
)
def test_a_bad_send_is_a_400_naming_the_field_and_sends_nothing(world, api, body, field):
    response = api(world["users"]["staff"]).post("/api/v1/library/transfers/", body, format="json")
    assert field in errors(response)
    assert not Transfer.objects.exists()
    assert Copy.objects.get(barcode="BAK1-0001").status == Copy.Status.AVAILABLE


def test_a_copy_on_loan_cannot_be_sent(world, api):
    library.checkout(world["users"]["staff"], world["centre"], world["patron"], "BAK1-0001")
    response = api(world["users"]["staff"]).post(
        "/api/v1/library/transfers/",
        {"centre": "bak1", "barcode": "BAK1-0001", "to_centre": "gan"},
        format="json",
    )
    assert "on loan" in errors(response)["non_field_errors"][0]
    assert not Transfer.objects.exists()
    assert Loan.objects.get().returned_at is None


def test_a_copy_not_in_transit_cannot_be_received(world, api):
    response = api(world["users"]["other_staff"]).post(
        "/api/v1/library/transfers/receive/",
        {"centre": "gan", "barcode": "GAN-0001"},
        format="json",
    )
    assert "non_field_errors" in errors(response)
    assert Copy.objects.get(barcode="GAN-0001").status == Copy.Status.AVAILABLE


# --- Catalogue search --------------------------------------------------------------------


def test_material_search_agrees_with_the_sites_catalogue(world, api, client):
    MaterialFactory(title="Sign language at home", description="Everyday signs for parents.")
    MaterialFactory(title="Autism in the classroom", description="Visual schedules and signs.")
    MaterialFactory(title="Braille primer", description="Six dots.")
    body = api(None).get("/api/v1/library/materials/", {"q": "signs"}).json()
    page = client.get("/library/", {"q": "signs"})
    found = [m["title"] for m in body["results"]]
    assert found == [m.title for m in page.context["materials"]]
    # Found in the description, which a title search would miss.
    assert set(found) == {"Sign language at home", "Autism in the classroom"}


def test_material_search_with_nothing_found_is_an_empty_page(world, api):
    body = api(None).get("/api/v1/library/materials/", {"q": "zzzzqqq"}).json()
    assert body["count"] == 0


# --- Stock-takes -------------------------------------------------------------------------


def test_a_stock_take_is_started_scanned_finished_and_read(world, api):
    CopyFactory(material=world["material"], home_centre=world["centre"], barcode="BAK1-0002")
    staff = api(world["users"]["staff"])
    started = staff.post("/api/v1/library/stocktakes/", {"centre": "bak1"}, format="json")
    assert started.status_code == 201, started.content
    url = f"/api/v1/library/stocktakes/{started.json()['id']}/"
    scans = {"barcodes": ["bak1-0001", "BAK1-0001", "GAN-0001", "NOPE-1"]}
    assert staff.post(url + "scans/", scans, format="json").json() == {"added": 3}
    assert staff.post(url + "finish/").json()["finished_at"] is not None
    result = staff.get(url + "result/").json()
    assert [c["barcode"] for c in result["missing"]] == ["BAK1-0002"]
    assert [(c["barcode"], c["current_centre"]) for c in result["misplaced"]] == [
        ("GAN-0001", "gan")
    ]
    assert result["unknown"] == ["NOPE-1"]
    assert result["found"] == 2
    assert staff.get("/api/v1/library/stocktakes/").json()["results"][0]["scanned"] == 3


def test_a_finished_stock_take_takes_no_more_scans_and_is_not_finished_twice(world, api):
    stocktake = library.start_stocktake(world["users"]["staff"], world["centre"])
    library.finish_stocktake(world["users"]["staff"], stocktake)
    staff = api(world["users"]["staff"])
    url = f"/api/v1/library/stocktakes/{stocktake.pk}/"
    response = staff.post(url + "scans/", {"barcodes": ["BAK1-0001"]}, format="json")
    assert "non_field_errors" in errors(response)
    assert "non_field_errors" in errors(staff.post(url + "finish/"))
    assert not stocktake.scans.exists()


@pytest.mark.parametrize(
    "body, field",
    [({}, "barcodes"), ({"barcodes": []}, "barcodes"), ({"barcodes": ["x" * 41]}, "barcodes")],
)
def test_bad_scans_are_a_400_naming_the_field(world, api, body, field):
    stocktake = library.start_stocktake(world["users"]["staff"], world["centre"])
    response = api(world["users"]["staff"]).post(
        f"/api/v1/library/stocktakes/{stocktake.pk}/scans/", body, format="json"
    )
    assert field in errors(response)
    assert not stocktake.scans.exists()


def test_a_material_search_with_query_syntax_characters_answers(client):
    """Backslashes, quotes and control characters are not search syntax: no server error."""
    response = client.get("/api/v1/library/materials/", {"q": 'braille \\ "\x0c<'})
    assert response.status_code == 200
