"""xAPI statements: validation, idempotent storage, conflicts, atomic batches, progress."""

import uuid

import pytest

from lms.models import LearningSession, LessonProgress, Statement

pytestmark = pytest.mark.django_db

URL = "/api/v1/xapi/statements"
ADL = "http://adlnet.gov/expapi/verbs/"


def agent(username="aysel"):
    """The learner as an account on this site (the test client's host)."""
    return {"account": {"homePage": "http://testserver", "name": username}, "name": username}


def statement(lesson=None, verb="completed", by="aysel", **extra):
    activity = f"https://tt.example/lessons/{lesson}" if lesson else "https://tt.example/activity/1"
    return {
        "actor": agent(by),
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {"id": activity, "objectType": "Activity"},
        **extra,
    }


@pytest.fixture
def learner_api(world, api):
    return api(world["users"]["learner"])


def test_a_statement_without_id_gets_one_and_is_stored(world, learner_api):
    response = learner_api.post(URL, statement(), format="json")
    assert response.status_code == 200
    [statement_id] = response.json()
    stored = Statement.objects.get(pk=statement_id)
    assert stored.learner == world["users"]["learner"]
    assert stored.raw["id"] == statement_id
    assert stored.item is None


@pytest.mark.parametrize(
    "change, field",
    [
        ({"verb": None}, "verb"),
        ({"verb": {"id": "not an iri"}}, "verb.id"),
        ({"actor": {"name": "no identifier"}}, "actor"),
        ({"object": {"id": "relative/path"}}, "object.id"),
        ({"id": "not-a-uuid"}, "id"),
        ({"timestamp": "yesterday"}, "timestamp"),
        ({"result": {"score": {"scaled": 1.5}}}, "result.score.scaled"),
        ({"result": {"score": {"raw": 12, "min": 0, "max": 10}}}, "result.score.raw"),
        ({"result": {"duration": "90 seconds"}}, "result.duration"),
        ({"context": {"registration": "nope"}}, "context.registration"),
    ],
)
def test_a_bad_statement_gets_a_field_error_and_nothing_is_stored(learner_api, change, field):
    body = statement()
    for key, value in change.items():
        if value is None:
            body.pop(key)
        else:
            body[key] = value
    response = learner_api.post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Statement.objects.exists()


def test_one_bad_statement_in_a_batch_stores_none_of_it(learner_api):
    response = learner_api.post(URL, [statement(), {"verb": {}}], format="json")
    assert response.status_code == 400
    assert "1.actor" in response.json()["errors"]
    assert not Statement.objects.exists()


def test_the_same_id_and_content_twice_is_a_no_op_and_other_content_is_a_conflict(learner_api):
    body = statement(id=str(uuid.uuid4()), timestamp="2026-01-02T03:04:05+00:00")
    assert learner_api.post(URL, body, format="json").status_code == 200
    assert learner_api.post(URL, body, format="json").status_code == 200
    assert Statement.objects.count() == 1
    changed = {**body, "verb": {"id": ADL + "attempted"}}
    response = learner_api.post(URL, changed, format="json")
    assert response.status_code == 409
    assert Statement.objects.get().verb == ADL + "completed"


def test_a_conflict_in_a_batch_stores_nothing_of_it(learner_api):
    body = statement(id=str(uuid.uuid4()), timestamp="2026-01-02T03:04:05+00:00")
    learner_api.post(URL, body, format="json")
    fresh = statement()
    response = learner_api.post(URL, [fresh, {**body, "verb": {"id": ADL + "x"}}], format="json")
    assert response.status_code == 409
    assert Statement.objects.count() == 1


def test_another_learners_statement_id_is_a_conflict_not_a_read(world, api):
    statement_id = str(uuid.uuid4())
    body = statement(id=statement_id, timestamp="2026-01-02T03:04:05+00:00")
    api(world["users"]["learner"]).post(URL, body, format="json")
    theirs = statement(id=statement_id, timestamp="2026-01-02T03:04:05+00:00", by="murad")
    assert api(world["users"]["other_learner"]).post(URL, theirs, format="json").status_code == 409


def test_completed_on_a_lesson_completes_it_once(world, learner_api):
    lesson = world["lessons"][0]
    body = statement(
        lesson.lesson_uuid, id=str(uuid.uuid4()), timestamp="2026-01-02T03:04:05+00:00"
    )
    assert learner_api.post(URL, body, format="json").status_code == 200
    record = LessonProgress.objects.get(item_id=lesson.lesson_uuid)
    assert record.completed_at is not None and record.completion_source == "xapi"
    assert Statement.objects.get().item_id == lesson.lesson_uuid
    # Sent again (a client retrying), the statement is recognised by its id.
    sessions = LearningSession.objects.count()
    assert learner_api.post(URL, body, format="json").status_code == 200
    assert Statement.objects.count() == 1
    assert LearningSession.objects.count() == sessions
    assert LessonProgress.objects.get(pk=record.pk).completed_at == record.completed_at


def test_progressed_with_the_progress_extension_moves_progress(world, learner_api):
    lesson = world["lessons"][1]
    ext = "https://w3id.org/xapi/cmi5/result/extensions/progress"
    body = statement(lesson.lesson_uuid, verb="progressed", result={"extensions": {ext: 40}})
    assert learner_api.post(URL, body, format="json").status_code == 200
    assert LessonProgress.objects.get(item_id=lesson.lesson_uuid).progress == pytest.approx(0.4)


def test_scored_records_the_scaled_score(world, learner_api):
    lesson = world["lessons"][2]
    body = statement(lesson.lesson_uuid, verb="scored", result={"score": {"scaled": 0.8}})
    assert learner_api.post(URL, body, format="json").status_code == 200
    assert LessonProgress.objects.get(item_id=lesson.lesson_uuid).best_score == pytest.approx(0.8)


def test_a_statement_about_a_lesson_of_a_course_not_enrolled_in_is_refused(world, api):
    from accounts.factories import UserFactory

    stranger = api(UserFactory(username="stranger"))
    lesson = world["lessons"][0]
    batch = [statement(by="stranger"), statement(lesson.lesson_uuid, by="stranger")]
    assert stranger.post(URL, batch, format="json").status_code == 403
    assert not Statement.objects.exists()
    assert not LessonProgress.objects.exists()


def test_get_returns_only_my_statements_with_filters_and_more(world, api):
    mine, theirs = api(world["users"]["learner"]), api(world["users"]["other_learner"])
    mine.post(URL, [statement(), statement(verb="experienced"), statement()], format="json")
    theirs.post(URL, statement(by="murad"), format="json")
    body = mine.get(URL).json()
    assert len(body["statements"]) == 3 and body["more"] == ""
    assert len(mine.get(URL, {"verb": ADL + "experienced"}).json()["statements"]) == 1
    page = mine.get(URL, {"limit": 2}).json()
    assert len(page["statements"]) == 2 and "offset=2" in page["more"]
    rest = mine.get(page["more"]).json()
    assert len(rest["statements"]) == 1 and rest["more"] == ""
    assert mine.get(URL, {"since": "not a date"}).status_code == 400
    their_id = Statement.objects.get(learner=world["users"]["other_learner"]).pk
    assert mine.get(URL, {"statementId": str(their_id)}).status_code == 404
    assert api(None).get(URL).status_code in (401, 403)


def test_a_statement_about_a_lesson_costs_at_most_eight_queries(world, client, settings):
    """Session user, the id check, the insert, then the learning record (5).

    The lesson item comes from the page cache.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(world["users"]["learner"])
    lesson = world["lessons"][0]

    def post(count):
        body = [statement(lesson.lesson_uuid, verb="experienced") for _ in range(count)]
        with CaptureQueriesContext(connection) as captured:
            assert client.post(URL, body, content_type="application/json").status_code == 200
        return [
            q["sql"]
            for q in captured.captured_queries
            if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
        ]

    post(1)
    assert len(post(1)) <= 8
    # In a batch the reading is shared: about five per statement.
    assert len(post(10)) <= 4 + 5 * 10
