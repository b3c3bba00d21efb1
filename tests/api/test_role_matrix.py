"""Every endpoint × every role: who may read and write what, and nothing more.

Each case names the answer each role gets; a refused write must leave every
record as it was, and an allowed one must touch only the caller's records (or
the caller's centre's).
"""

import uuid

import pytest
from django.core.cache import cache
from django.db import transaction

from library import services as library
from library.models import Copy, Hold, Loan, StockTake, StockTakeScan, Transfer
from lms import services
from lms.models import Enrolment, LearningSession, LessonProgress, Statement, Verb

from .conftest import ROLES

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"
OK_ALL = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**dict.fromkeys(ROLES, 200), "anonymous": 401}
LEARNERS_ONLY = {
    **dict.fromkeys(ROLES, 403),
    "anonymous": 401,
    "learner": 200,
    "other_learner": 200,
}
TRAINERS = {
    **dict.fromkeys(ROLES, 403),
    "anonymous": 401,
    "trainer": 200,
    "other_trainer": 200,
    "admin": 200,
}
MY_TRAINER = {**TRAINERS, "other_trainer": 404}
# The learner's own library record, or one kept at the first centre.
MINE_OR_MY_CENTRES = {
    **dict.fromkeys(ROLES, 404),
    "anonymous": 401,
    "learner": 200,
    "staff": 200,
    "admin": 200,
}
STAFF = {
    **dict.fromkeys(ROLES, 403),
    "anonymous": 401,
    "staff": 200,
    "other_staff": 200,
    "admin": 200,
}


def lesson_url(w):
    return f"/api/v1/progress/lessons/{w['lessons'][0].lesson_uuid}/"


def viewed(w):
    services.record_learning(w["users"]["learner"], w["lessons"][0].lesson_uuid, Verb.VIEWED)
    return True


def open_loan(w):
    staff = w["users"]["staff"]
    return library.checkout(staff, w["centre"], w["patron"], w["copy"].barcode)


def a_hold(w):
    """The learner's hold, to collect at the first centre."""
    return library.place_hold(w["patron"], w["material"], w["centre"])


def sent(w):
    """The first centre's copy, on its way to the other centre."""
    staff = w["users"]["staff"]
    return library.send_transfer(staff, w["centre"], w["copy"].barcode, w["other_centre"])


def counting(w):
    """A stock-take under way at the first centre."""
    return library.start_stocktake(w["users"]["staff"], w["centre"])


def certificate(w):
    learner = w["users"]["learner"]
    for lesson in w["lessons"]:
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    return Enrolment.objects.get(learner=learner).certificate


CASES = {
    "list courses": ("get", lambda w: "/api/v1/courses/", None, OK_ALL),
    "read a course": ("get", lambda w: f"/api/v1/courses/{w['course'].pk}/", None, OK_ALL),
    "list my enrolments": ("get", lambda w: "/api/v1/enrolments/", None, SIGNED_IN),
    "read the learner's enrolment": (
        "get",
        lambda w: f"/api/v1/enrolments/{Enrolment.objects.get(learner=w['users']['learner']).pk}/",
        None,
        {**dict.fromkeys(ROLES, 404), "anonymous": 401, "learner": 200},
    ),
    "enrol": (
        "post",
        lambda w: "/api/v1/enrolments/",
        lambda w: {"course": w["course"].pk},
        {**dict.fromkeys(ROLES, 201), "anonymous": 401, "learner": 200, "other_learner": 200},
    ),
    "list my progress": ("get", lambda w: "/api/v1/progress/", None, SIGNED_IN),
    "report a lesson's progress": ("post", lesson_url, lambda w: {"progress": 0.5}, LEARNERS_ONLY),
    "read a lesson's progress": (
        "get",
        lambda w: viewed(w) and lesson_url(w),
        None,
        {**dict.fromkeys(ROLES, 404), "anonymous": 401, "learner": 200},
    ),
    "list my certificates": ("get", lambda w: "/api/v1/certificates/", None, SIGNED_IN),
    "verify a certificate": (
        "get",
        lambda w: f"/api/v1/certificates/{certificate(w).code}/verify/",
        None,
        OK_ALL,
    ),
    "list cohorts": ("get", lambda w: "/api/v1/cohorts/", None, TRAINERS),
    "read a cohort": ("get", lambda w: f"/api/v1/cohorts/{w['cohort'].pk}/", None, MY_TRAINER),
    "read a cohort's progress": (
        "get",
        lambda w: f"/api/v1/cohorts/{w['cohort'].pk}/progress/",
        None,
        MY_TRAINER,
    ),
    "read my statements": ("get", lambda w: "/api/v1/xapi/statements", None, SIGNED_IN),
    "send a statement about an activity": (
        "post",
        lambda w: "/api/v1/xapi/statements",
        lambda w: {
            "actor": "ME",  # the caller as an agent (answer() fills it in)
            "verb": {"id": ADL + "experienced"},
            "object": {"id": "https://example.org/activity/1"},
        },
        SIGNED_IN,
    ),
    "send a statement about a lesson": (
        "post",
        lambda w: "/api/v1/xapi/statements",
        lambda w: {
            "actor": "ME",  # the caller as an agent (answer() fills it in)
            "verb": {"id": ADL + "completed"},
            "object": {"id": f"https://tt.example/lessons/{w['lessons'][0].lesson_uuid}"},
        },
        LEARNERS_ONLY,
    ),
    "search materials": ("get", lambda w: "/api/v1/library/materials/", None, OK_ALL),
    "read a material": (
        "get",
        lambda w: f"/api/v1/library/materials/{w['material'].pk}/",
        None,
        OK_ALL,
    ),
    "list loans": ("get", lambda w: "/api/v1/library/loans/", None, STAFF),
    "check out": (
        "post",
        lambda w: "/api/v1/library/loans/",
        lambda w: {
            "centre": "bak1",
            "card_number": w["patron"].card_number,
            "barcode": "BAK1-0001",
        },
        {**STAFF, "staff": 201, "other_staff": 403, "admin": 201},
    ),
    "check in": (
        "post",
        lambda w: "/api/v1/library/loans/checkin/",
        lambda w: open_loan(w) and {"centre": "bak1", "barcode": "BAK1-0001"},
        {**STAFF, "other_staff": 403},
    ),
    "renew": (
        "post",
        lambda w: f"/api/v1/library/loans/{open_loan(w).pk}/renew/",
        lambda w: {},
        {**STAFF, "other_staff": 404},
    ),
    "list holds": ("get", lambda w: "/api/v1/library/holds/", None, SIGNED_IN),
    "read a hold": (
        "get",
        lambda w: f"/api/v1/library/holds/{a_hold(w).pk}/",
        None,
        MINE_OR_MY_CENTRES,
    ),
    "cancel a hold": (
        "post",
        lambda w: f"/api/v1/library/holds/{a_hold(w).pk}/cancel/",
        lambda w: {},
        MINE_OR_MY_CENTRES,
    ),
    "list copies": ("get", lambda w: "/api/v1/library/copies/", None, STAFF),
    "read a copy": (
        "get",
        lambda w: f"/api/v1/library/copies/{w['copy'].pk}/",
        None,
        {**STAFF, "other_staff": 404},
    ),
    "list patrons": ("get", lambda w: "/api/v1/library/patrons/", None, STAFF),
    "read a patron": (
        "get",
        lambda w: f"/api/v1/library/patrons/{w['patron'].pk}/",
        None,
        {**STAFF, "other_staff": 404},
    ),
    "read my library card": (
        "get",
        lambda w: "/api/v1/library/patrons/me/",
        None,
        {**dict.fromkeys(ROLES, 404), "anonymous": 401, "learner": 200},
    ),
    "list transfers": ("get", lambda w: "/api/v1/library/transfers/", None, STAFF),
    "read a transfer": (
        "get",
        lambda w: f"/api/v1/library/transfers/{sent(w).pk}/",
        None,
        STAFF,
    ),
    "send a copy to another centre": (
        "post",
        lambda w: "/api/v1/library/transfers/",
        lambda w: {"centre": "bak1", "barcode": "BAK1-0001", "to_centre": "gan"},
        {**STAFF, "staff": 201, "other_staff": 403, "admin": 201},
    ),
    "list stock-takes": ("get", lambda w: "/api/v1/library/stocktakes/", None, STAFF),
    "start a stock-take": (
        "post",
        lambda w: "/api/v1/library/stocktakes/",
        lambda w: {"centre": "bak1"},
        {**STAFF, "staff": 201, "other_staff": 403, "admin": 201},
    ),
    "record scans": (
        "post",
        lambda w: f"/api/v1/library/stocktakes/{counting(w).pk}/scans/",
        lambda w: {"barcodes": ["BAK1-0001", "GAN-0001"]},
        {**STAFF, "other_staff": 404},
    ),
    "finish a stock-take": (
        "post",
        lambda w: f"/api/v1/library/stocktakes/{counting(w).pk}/finish/",
        lambda w: {},
        {**STAFF, "other_staff": 404},
    ),
    "read a stock-take's result": (
        "get",
        lambda w: f"/api/v1/library/stocktakes/{counting(w).pk}/result/",
        None,
        {**STAFF, "other_staff": 404},
    ),
    "receive a copy": (
        "post",
        lambda w: "/api/v1/library/transfers/receive/",
        lambda w: sent(w) and {"centre": "gan", "barcode": "BAK1-0001"},
        {**STAFF, "staff": 403},
    ),
    "place a hold": (
        "post",
        lambda w: "/api/v1/library/holds/",
        lambda w: {
            "material": w["material"].pk,
            "card_number": w["patron"].card_number,
            "pickup_centre": "bak1",
        },
        {**STAFF, "staff": 201, "other_staff": 403, "admin": 201},
    ),
}


def snapshot():
    return {
        "enrolments": sorted(Enrolment.objects.values_list("learner_id", "course_id", "progress")),
        "progress": sorted(LessonProgress.objects.values_list("learner_id", "item_id", "progress")),
        "sessions": LearningSession.objects.count(),
        "statements": sorted(Statement.objects.values_list("learner_id", "verb")),
        "loans": sorted(Loan.objects.values_list("pk", "returned_at", "renewals", "centre_id")),
        "holds": sorted(
            Hold.objects.values_list("pk", "status", "patron__user_id", "pickup_centre_id")
        ),
        "copies": sorted(Copy.objects.values_list("pk", "status", "current_centre_id")),
        "transfers": sorted(
            Transfer.objects.values_list("pk", "from_centre_id", "to_centre_id", "received_at")
        ),
        "stocktakes": sorted(StockTake.objects.values_list("pk", "centre_id", "finished_at")),
        "scans": sorted(StockTakeScan.objects.values_list("stocktake__centre_id", "barcode")),
    }


def changed_rows_belong_to(before, after, user, world):
    """An allowed write touches only the caller's learning records or the caller's centre."""
    for key in ("enrolments", "progress", "statements"):
        for row in set(after[key]) - set(before[key]):
            assert row[0] == user.pk, (key, row)
    for row in set(after["loans"]) - set(before["loans"]):
        assert row[3] == world["centre"].pk
    mine = set(library.staff_centres(user).values_list("pk", flat=True))
    for row in set(after["holds"]) - set(before["holds"]):
        assert row[2] == user.pk or row[3] in mine, row
    for row in set(after["transfers"]) - set(before["transfers"]):
        assert row[1] in mine or row[2] in mine, row
    for row in set(after["stocktakes"]) - set(before["stocktakes"]):
        assert row[1] in mine, row
    for row in set(after["scans"]) - set(before["scans"]):
        assert row[0] in mine, row


def answer(world, api, case, role):
    """Ask as ``role``; return what went wrong, or None."""
    method, url, body, expected = CASES[case]
    user = world["users"][role]
    target = url(world)
    data = body(world) if body else None
    if data is not None and data.get("actor") == "ME":
        name = user.get_username() if user else "nobody"
        data = {**data, "actor": {"account": {"homePage": "http://testserver", "name": name}}}
    before = snapshot()
    client = api(user)
    send = getattr(client, method)
    response = send(target, data, format="json") if data is not None else send(target)
    if response.status_code != expected[role]:
        return (
            f"{role}: {response.status_code} (expected {expected[role]}) {response.content[:200]}"
        )
    after = snapshot()
    if response.status_code >= 400 or method == "get":
        if after != before:
            return f"{role}: a refused request or a read changed records"
    else:
        changed_rows_belong_to(before, after, user, world)
    if response.status_code >= 400 and "detail" not in response.json():
        return f"{role}: error without detail"
    return None


@pytest.mark.parametrize("case", list(CASES))
def test_every_role_gets_the_answer_it_should(world, api, case):
    """Each role asks in a savepoint rolled back after, so no role sees another's writes."""
    problems = []
    for role in ROLES:
        cache.clear()
        with transaction.atomic():
            problems.append(answer(world, api, case, role))
            transaction.set_rollback(True)
    assert [p for p in problems if p] == []


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_lists_show_only_the_callers_own_records(world, api, role):
    user = world["users"][role]
    for learner in (world["users"]["learner"], world["users"]["other_learner"]):
        services.record_learning(learner, world["lessons"][0].lesson_uuid, Verb.VIEWED)
    client = api(user)
    enrolments = client.get("/api/v1/enrolments/").json()["results"]
    assert len(enrolments) == Enrolment.objects.filter(learner=user).count()
    progress = client.get("/api/v1/progress/").json()["results"]
    assert len(progress) == LessonProgress.objects.filter(learner=user).count()


def test_trainers_see_only_their_cohorts_and_members(world, api):
    trainer = api(world["users"]["trainer"])
    cohorts = trainer.get("/api/v1/cohorts/").json()["results"]
    assert [c["name"] for c in cohorts] == ["Shaki in-service"]
    rows = trainer.get(f"/api/v1/cohorts/{world['cohort'].pk}/progress/").json()["results"]
    assert {r["username"] for r in rows} == {"aysel"}
    admin = api(world["users"]["admin"]).get("/api/v1/cohorts/").json()["results"]
    assert len(admin) == 2


def test_staff_see_only_their_centres_loans(world, api):
    open_loan(world)
    assert api(world["users"]["staff"]).get("/api/v1/library/loans/").json()["count"] == 1
    assert api(world["users"]["other_staff"]).get("/api/v1/library/loans/").json()["count"] == 0


def test_staff_cannot_lend_another_centres_copy_from_their_desk(world, api):
    response = api(world["users"]["other_staff"]).post(
        "/api/v1/library/loans/",
        {"centre": "gan", "card_number": world["patron"].card_number, "barcode": "BAK1-0001"},
        format="json",
    )
    assert response.status_code == 400
    assert not Loan.objects.exists()


def test_material_search_shows_availability_per_centre(world, api):
    body = api(None).get("/api/v1/library/materials/", {"q": "universal"}).json()
    [material] = body["results"]
    assert {(a["centre"], a["available"]) for a in material["availability"]} == {
        ("bak1", 1),
        ("gan", 1),
    }


def test_unknown_statement_ids_do_not_leak(world, api):
    response = api(world["users"]["learner"]).get(
        "/api/v1/xapi/statements", {"statementId": str(uuid.uuid4())}
    )
    assert response.status_code == 404
