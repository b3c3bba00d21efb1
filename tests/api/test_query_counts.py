"""List endpoints cost the same number of queries for 5 rows as for 50."""

import itertools
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, open_course
from library import services as library
from library.factories import CopyFactory, MaterialFactory, PatronFactory
from lms import cohorts, services
from lms.models import Statement, Verb

pytestmark = pytest.mark.django_db

SERIAL = itertools.count()


def make_courses(catalogue, n):
    for _ in range(n):
        i = next(SERIAL)
        CoursePageFactory(parent=catalogue, title=f"Course {i:03}", slug=f"course-{i}")


def make_statements(user, n):
    Statement.objects.bulk_create(
        Statement(
            id=uuid.uuid4(),
            learner=user,
            verb="http://adlnet.gov/expapi/verbs/experienced",
            object_id="https://example.org/a",
            raw={"id": "x"},
            digest="0" * 64,
            timestamp="2026-01-01T00:00:00Z",
        )
        for _ in range(n)
    )


def make_materials(world, n):
    for _ in range(n):
        i = next(SERIAL)
        material = MaterialFactory(title=f"Material {i:03}")
        CopyFactory(material=material, home_centre=world["centre"], barcode=f"Q-{i:03}")


def make_loans(world, n):
    staff = world["users"]["staff"]
    for _ in range(n):
        i = next(SERIAL)
        material = MaterialFactory(title=f"Loaned {i:03}")
        CopyFactory(material=material, home_centre=world["centre"], barcode=f"L-{i:03}")
        patron = PatronFactory(home_centre=world["centre"])
        library.checkout(staff, world["centre"], patron, f"L-{i:03}")


def make_copies(world, n):
    for _ in range(n):
        i = next(SERIAL)
        CopyFactory(material=world["material"], home_centre=world["centre"], barcode=f"C-{i:03}")


def make_patrons(world, n):
    for _ in range(n):
        PatronFactory(home_centre=world["centre"])


def make_holds(world, n):
    for _ in range(n):
        patron = PatronFactory(home_centre=world["other_centre"])
        library.place_hold(patron, world["material"], world["centre"])


def make_transfers(world, n):
    staff = world["users"]["staff"]
    for _ in range(n):
        i = next(SERIAL)
        CopyFactory(material=world["material"], home_centre=world["centre"], barcode=f"T-{i:03}")
        library.send_transfer(staff, world["centre"], f"T-{i:03}", world["other_centre"])


def make_stocktakes(world, n):
    staff = world["users"]["staff"]
    for _ in range(n):
        stocktake = library.start_stocktake(staff, world["centre"])
        library.record_scans(staff, stocktake, ["BAK1-0001", "GAN-0001"])


def make_shelf(world, n):
    """Copies missing from, and copies misplaced on, the first centre's shelves."""
    for _ in range(n):
        i = next(SERIAL)
        CopyFactory(material=world["material"], home_centre=world["centre"], barcode=f"S-{i:03}")
        CopyFactory(
            material=world["material"], home_centre=world["other_centre"], barcode=f"M-{i:03}"
        )
        library.record_scans(
            world["users"]["staff"], world["stocktake"], [f"M-{i:03}", f"U-{i:03}"]
        )


def make_members(world, n):
    learners = [UserFactory() for _ in range(n)]
    cohorts.add_members(world["cohort"], learners)


def make_progress(world, n):
    learner = world["users"]["learner"]
    for lesson in world["lessons"][:n]:
        services.record_learning(learner, lesson.lesson_uuid, Verb.VIEWED)


def make_enrolments(world, n):
    learner = world["users"]["learner"]
    for _ in range(n):
        services.enrol(
            learner,
            open_course(parent=world["course"].get_parent(), slug=f"e-{next(SERIAL)}"),
        )


CASES = {
    "courses": (
        "anonymous",
        "/api/v1/courses/",
        lambda w, n: make_courses(w["course"].get_parent(), n),
    ),
    "enrolments": ("learner", "/api/v1/enrolments/", make_enrolments),
    "statements": (
        "learner",
        "/api/v1/xapi/statements",
        lambda w, n: make_statements(w["users"]["learner"], n),
    ),
    "materials": ("anonymous", "/api/v1/library/materials/", make_materials),
    "material search": ("anonymous", "/api/v1/library/materials/?q=material", make_materials),
    "loans": ("staff", "/api/v1/library/loans/", make_loans),
    "holds": ("staff", "/api/v1/library/holds/", make_holds),
    "copies": ("staff", "/api/v1/library/copies/", make_copies),
    "patrons": ("staff", "/api/v1/library/patrons/", make_patrons),
    "patrons found by name": ("staff", "/api/v1/library/patrons/?q=a", make_patrons),
    "transfers": ("other_staff", "/api/v1/library/transfers/", make_transfers),
    "stock-takes": ("staff", "/api/v1/library/stocktakes/", make_stocktakes),
    "stock-take result": ("staff", "stocktake", make_shelf),
    "cohort progress": ("trainer", "cohort", make_members),
    "cohorts": ("admin", "/api/v1/cohorts/", make_members),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_list_costs_the_same_for_5_and_50_rows(world, api, case, django_assert_max_num_queries):
    role, url, make = CASES[case]
    if url == "cohort":
        url = f"/api/v1/cohorts/{world['cohort'].pk}/progress/"
    if url == "stocktake":
        world["stocktake"] = library.start_stocktake(world["users"]["staff"], world["centre"])
        url = f"/api/v1/library/stocktakes/{world['stocktake'].pk}/result/"
    client = api(world["users"][role])
    make(world, 5)
    client.get(url)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    make(world, 45)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert len(small.captured_queries) <= 12
