"""A learner who did something of every kind: H5P, SCORM, a quiz, an xAPI client, a trainer."""

import json
import uuid

import pytest

from lms import services
from tests.api.conftest import client_for
from tests.content import content_post
from tests.h5p.conftest import import_real, make_h5p_lesson, multichoice  # noqa: F401
from tests.h5p.conftest import statement as h5p_statement
from tests.h5p.test_playing import post_statements
from tests.lms.conftest import cohort, trainer  # noqa: F401
from tests.quizzes.conftest import make_quiz_lesson, questions  # noqa: F401
from tests.scorm.conftest import place, scorm12  # noqa: F401
from tests.scorm.test_launching import PASSED, urls

ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def everything(request, learner, learner_client, course, lessons):
    """The learner's work from every source, through the same paths a learner's client takes."""
    made = {
        name: request.getfixturevalue(name)
        for name in ("trainer", "multichoice", "scorm12", "questions")
        + ("make_h5p_lesson", "make_quiz_lesson")
    }
    h5p_lesson = made["make_h5p_lesson"](made["multichoice"])
    assert (
        post_statements(
            learner_client, h5p_lesson, made["multichoice"], h5p_statement()
        ).status_code
        == 200
    )

    scorm_lesson, block_id = place(lessons[1], made["scorm12"])
    body = json.dumps({"sco": "item1", "session": "s1", "data": PASSED})
    commit = content_post(
        learner_client,
        urls(scorm_lesson, block_id, learner)["commit"],
        body,
        content_type="application/json",
    )
    assert commit.json()["recorded"] is True

    quiz_lesson = made["make_quiz_lesson"](list(made["questions"].values()))
    attempt = services.start_attempt(learner, quiz_lesson.lesson_uuid, {"questions": []})
    services.submit_attempt(attempt, [], pass_mark=0.7)

    xapi = client_for(learner).post(
        "/api/v1/xapi/statements",
        {
            "id": str(uuid.uuid4()),
            "actor": {"account": {"homePage": "http://testserver", "name": learner.username}},
            "verb": {"id": ADL + "scored"},
            "object": {"id": f"https://tt.example/lessons/{lessons[0].lesson_uuid}"},
            "result": {"score": {"scaled": 0.8}},
        },
        format="json",
    )
    assert xapi.status_code == 200

    services.complete_for_learner(
        learner, course, decided_by=made["trainer"], reason="Attended in person"
    )
    return {"h5p": h5p_lesson, "scorm": scorm_lesson, "quiz": quiz_lesson, "xapi": lessons[0]}
