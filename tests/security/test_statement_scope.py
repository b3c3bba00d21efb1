"""Reading the one statement log: only the learner, and their cohorts' trainers, read it.

``GET /api/v1/xapi/statements`` shows a learner their own statements and a
trainer those of their cohorts' learners about the cohorts' courses; a
statement id belongs to the learner who stored it first, whichever source
(H5P player or xAPI client) either came through.
"""

import uuid

import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from courses.roles import TRAINERS
from lms.models import Statement
from tests.api.conftest import client_for
from tests.h5p.conftest import statement as h5p_statement
from tests.h5p.test_playing import post_statements

pytestmark = pytest.mark.django_db

URL = "/api/v1/xapi/statements"
ADL = "http://adlnet.gov/expapi/verbs/"


def ids(user, **params):
    response = client_for(user).get(URL, {"limit": 0, **params})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["statements"]}


def learner_agent(user):
    return f'{{"mbox": "mailto:{user.pk}@learners.invalid"}}'


@pytest.fixture
def outsider_trainer(trainer):
    user = UserFactory(username="outsider-trainer")
    user.groups.add(Group.objects.get(name=TRAINERS))
    return user


def test_another_learner_reads_none_of_the_learners_statements(learner, other_learner, everything):
    theirs = {
        str(pk) for pk in Statement.objects.filter(learner=learner).values_list("pk", flat=True)
    }
    assert not ids(other_learner) & theirs
    assert not ids(other_learner, agent=learner_agent(learner))
    one = next(iter(theirs))
    response = client_for(other_learner).get(URL, {"statementId": one})
    assert response.status_code == 404


def test_a_trainer_of_another_cohort_reads_nothing(learner, outsider_trainer, everything):
    assert not ids(outsider_trainer, agent=learner_agent(learner))
    assert not ids(outsider_trainer)


def test_a_trainer_does_not_read_statements_outside_the_cohorts_courses(
    learner, trainer, everything
):
    outside = Statement.objects.filter(learner=learner, item__isnull=True)
    assert outside.exists()  # the trainer's own decision and nothing else about a lesson
    assert not ids(trainer) & {str(pk) for pk in outside.values_list("pk", flat=True)}


def test_a_learner_cannot_take_over_another_learners_statement_id(
    learner, other_learner, client, enrolled, h5p_lesson, multichoice
):
    from lms import services

    services.enrol(other_learner, h5p_lesson.course)
    taken = str(uuid.uuid4())
    client.force_login(learner)
    assert (
        post_statements(client, h5p_lesson, multichoice, h5p_statement(id=taken)).status_code == 200
    )
    client.force_login(other_learner)
    response = post_statements(
        client, h5p_lesson, multichoice, h5p_statement(id=taken, scaled=0.1, success=False)
    )
    assert response.status_code == 409
    response = client_for(other_learner).post(
        URL,
        {
            "id": taken,
            "actor": {"mbox": f"mailto:{other_learner.pk}@learners.invalid"},
            "verb": {"id": ADL + "completed"},
            "object": {"id": "https://tt.example/activity/1"},
        },
        format="json",
    )
    assert response.status_code == 409
    stored = Statement.objects.get(pk=taken)
    assert stored.learner == learner and stored.score == 1.0


@pytest.mark.parametrize(
    "agent",
    [
        "not json",
        "[1, 2]",
        '{"mbox": "nobody"}',
        '{"mbox": "mailto:a@b.c", "openid": "x"}',
        "\u0000",
    ],
)
def test_a_hostile_agent_parameter_is_a_clear_400(learner, agent):
    response = client_for(learner).get(URL, {"agent": agent})
    assert response.status_code == 400
    assert any(field.startswith("agent") for field in response.json()["errors"])


def test_a_bad_registration_is_a_400(learner):
    assert client_for(learner).get(URL, {"registration": "nope"}).status_code == 400


def test_anonymous_reads_nothing(everything):
    assert client_for(None).get(URL).status_code in (401, 403)
