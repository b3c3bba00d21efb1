"""Library fixtures: two centres with a staff member each, patrons, a material with copies."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from library import services
from library.factories import (
    CentreFactory,
    CentreStaffFactory,
    CopyFactory,
    MaterialFactory,
    PatronFactory,
)


@pytest.fixture
def centre(db):
    return CentreFactory(name="Baku resource centre 1", code="bak1", district="baku")


@pytest.fixture
def other_centre(db):
    return CentreFactory(name="Ganja resource centre", code="gan", district="ganja")


@pytest.fixture
def staff(centre):
    return CentreStaffFactory(centre=centre, user=UserFactory(username="desk")).user


@pytest.fixture
def other_staff(other_centre):
    return CentreStaffFactory(centre=other_centre, user=UserFactory(username="ganja-desk")).user


@pytest.fixture
def patron(learner, centre):
    return PatronFactory(user=learner, name="Aysel Mammadova", home_centre=centre)


@pytest.fixture
def other_patron(other_learner, centre):
    return PatronFactory(user=other_learner, name="Murad Aliyev", home_centre=centre)


@pytest.fixture
def material(db):
    return MaterialFactory(title="Universal design for learning in practice")


@pytest.fixture
def copy(material, centre):
    return CopyFactory(material=material, home_centre=centre, barcode="BAK1-0001")


@pytest.fixture
def second_copy(material, centre):
    return CopyFactory(material=material, home_centre=centre, barcode="BAK1-0002")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def activity(staff, other_staff, centre, other_centre, patron, other_patron, material):
    """Loans (one overdue), a hold, a transfer, a copy never lent, at both centres."""
    past = timezone.now() - timedelta(days=40)
    lent = CopyFactory(material=material, home_centre=centre, barcode="R-1")
    services.checkout(staff, centre, patron, lent.barcode, now=past)  # overdue now
    again = CopyFactory(material=material, home_centre=centre, barcode="R-2")
    services.checkout(staff, centre, other_patron, again.barcode)
    services.checkin(staff, centre, again.barcode)
    CopyFactory(material=MaterialFactory(title="Tactile atlas"), home_centre=centre, barcode="R-3")
    services.place_hold(other_patron, material, centre)
    moving = CopyFactory(material=material, home_centre=centre, barcode="R-4")
    services.send_transfer(staff, centre, moving.barcode, other_centre)
    ganja = CopyFactory(material=material, home_centre=other_centre, barcode="G-1")
    services.checkout(other_staff, other_centre, patron, ganja.barcode, now=past)
    return lent
