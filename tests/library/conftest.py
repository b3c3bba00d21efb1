"""Library fixtures: two centres with a staff member each, patrons, a material with copies."""

import pytest

from accounts.factories import UserFactory
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
