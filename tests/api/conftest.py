"""API fixtures: one course, two cohorts, two centres, and a user for every role."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.factories import UserFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from library.factories import (
    CentreFactory,
    CentreStaffFactory,
    CopyFactory,
    MaterialFactory,
    PatronFactory,
)
from lms import cohorts, services
from lms.models import Cohort

ROLES = [
    "anonymous",
    "learner",
    "other_learner",
    "trainer",
    "other_trainer",
    "staff",
    "other_staff",
    "admin",
]


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle counts live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(catalogue, course, lessons, learner, other_learner):
    """Everyone the role matrix asks about, and what each of them may touch."""
    ensure_authoring_roles(catalogue)
    services.enrol(learner, course)
    services.enrol(other_learner, course)
    cohort = Cohort.objects.create(name="Shaki in-service", programme="inclusive-education")
    other_cohort = Cohort.objects.create(name="Guba pre-service", programme="inclusive-education")
    for c, member in ((cohort, learner), (other_cohort, other_learner)):
        c.courses.add(course)
        cohorts.add_members(c, [member])
    trainer = UserFactory(username="trainer")
    other_trainer = UserFactory(username="other-trainer")
    for user, c in ((trainer, cohort), (other_trainer, other_cohort)):
        user.groups.add(Group.objects.get(name=TRAINERS))
        c.trainers.add(user)
    centre = CentreFactory(name="Baku resource centre 1", code="bak1", district="baku")
    other_centre = CentreFactory(name="Ganja resource centre", code="gan", district="ganja")
    staff = CentreStaffFactory(centre=centre, user=UserFactory(username="desk")).user
    other_staff = CentreStaffFactory(
        centre=other_centre, user=UserFactory(username="ganja-desk")
    ).user
    material = MaterialFactory(title="Universal design for learning in practice")
    copy = CopyFactory(material=material, home_centre=centre, barcode="BAK1-0001")
    other_copy = CopyFactory(material=material, home_centre=other_centre, barcode="GAN-0001")
    patron = PatronFactory(user=learner, name="Aysel Mammadova", home_centre=centre)
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    return {
        "course": course,
        "lessons": lessons,
        "cohort": cohort,
        "other_cohort": other_cohort,
        "centre": centre,
        "other_centre": other_centre,
        "material": material,
        "copy": copy,
        "other_copy": other_copy,
        "patron": patron,
        "users": {
            "anonymous": None,
            "learner": learner,
            "other_learner": other_learner,
            "trainer": trainer,
            "other_trainer": other_trainer,
            "staff": staff,
            "other_staff": other_staff,
            "admin": admin,
        },
    }


def client_for(user):
    """An API client signed in with a token (as another system would be), or anonymous."""
    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def api():
    return client_for
