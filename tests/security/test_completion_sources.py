"""A lesson's completion rule names the sources it trusts; nothing else can pass it.

The attack (issue 18, item 1): a learner posted xAPI ``passed`` (scaled 1.0)
on the quiz lesson and ``completed`` on the others, completed the course and
got a publicly verifiable certificate without answering one question.
"""

import importlib
import uuid

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from courses.factories import LessonPageFactory, ModulePageFactory
from lms import services
from lms.models import (
    Certificate,
    CompletionRule,
    CourseItem,
    Enrolment,
    LessonProgress,
    Source,
    Verb,
)
from tests.quizzes.conftest import quiz_value

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"
XAPI = "/api/v1/xapi/statements"

QUIZ = {"type": "quiz", "value": quiz_value([], title="Check your understanding")}


def h5p_block(required=True):
    value = {"activity": None, "completion": "completed", "min_score": None, "required": required}
    return {"type": "h5p", "value": value}


def scorm_block(required=True):
    return {"type": "scorm", "value": {"package": None, "required": required}}


@pytest.fixture
def module(course):
    return ModulePageFactory(parent=course, title="Assessment", slug="assessment")


@pytest.fixture
def quiz_lesson(module):
    return LessonPageFactory(
        parent=module, title="Final quiz", completion_rule=CompletionRule.ON_PASS, body=[QUIZ]
    )


@pytest.fixture
def h5p_lesson(module):
    return LessonPageFactory(parent=module, title="Try it", body=[h5p_block()])


@pytest.fixture
def external_lesson(module):
    return LessonPageFactory(
        parent=module,
        title="Classroom observation",
        completion_rule=CompletionRule.ON_PASS,
        external_activity=True,
        body=[],
    )


@pytest.fixture
def api(learner, enrolled):
    client = APIClient()
    client.force_authenticate(learner)
    return client


def me(username="aysel"):
    return {"account": {"homePage": "http://testserver", "name": username}}


def xapi(lesson, verb, **result):
    statement = {
        "actor": me(),
        "verb": {"id": ADL + verb},
        "object": {"id": f"https://tt.example/lessons/{lesson.lesson_uuid}"},
    }
    if result:
        statement["result"] = result
    return statement


def test_the_reported_attack_no_longer_gives_a_certificate(
    api, learner, enrolled, lessons, quiz_lesson
):
    """Before: 200, the course complete and a certificate issued. Now: no certificate."""
    batch = [xapi(lesson, "completed") for lesson in lessons]
    batch.append(xapi(quiz_lesson, "passed", score={"scaled": 1.0}, success=True))
    assert api.post(XAPI, batch, format="json").status_code == 200

    quiz_record = LessonProgress.objects.get(learner=learner, item_id=quiz_lesson.lesson_uuid)
    assert quiz_record.completed_at is None
    assert quiz_record.passed_at is None and quiz_record.best_score is None
    assert Enrolment.objects.get(pk=enrolled.pk).completed_at is None
    assert not Certificate.objects.exists()
    # The reading lessons, which the learner may mark complete themself, are complete.
    done = LessonProgress.objects.filter(learner=learner, completed_at__isnull=False)
    assert {record.item_id for record in done} == {lesson.lesson_uuid for lesson in lessons}


def test_only_a_server_scored_quiz_attempt_passes_a_quiz_lesson(learner, enrolled, quiz_lesson):
    for source in (Source.PAGE, Source.API, Source.XAPI, Source.H5P, Source.SCORM):
        with pytest.raises(services.UntrustedSource):
            services.record_learning(
                learner, quiz_lesson.lesson_uuid, Verb.SCORED, score=1.0, passed=True, source=source
            )
    assert not LessonProgress.objects.filter(passed_at__isnull=False).exists()
    result = services.record_learning(
        learner, quiz_lesson.lesson_uuid, Verb.SCORED, score=0.9, passed=True, source=Source.QUIZ
    )
    assert result.lesson_completed_now


def test_the_progress_api_cannot_mark_an_activity_lesson_complete(api, learner, h5p_lesson):
    url = f"/api/v1/progress/lessons/{h5p_lesson.lesson_uuid}/"
    response = api.post(url, {"verb": "marked_complete"}, format="json")
    assert response.status_code == 403
    assert "activity" in response.json()["detail"]
    assert not LessonProgress.objects.filter(item_id=h5p_lesson.lesson_uuid).exists()
    response = api.post(url, {"verb": "progressed", "progress": 1.0}, format="json")
    assert response.status_code == 200
    record = LessonProgress.objects.get(item_id=h5p_lesson.lesson_uuid)
    assert record.completed_at is None and record.progress < 1


def test_xapi_completed_does_not_complete_a_lesson_its_h5p_activity_completes(
    api, learner, h5p_lesson
):
    assert api.post(XAPI, xapi(h5p_lesson, "completed"), format="json").status_code == 200
    record = LessonProgress.objects.get(learner=learner, item_id=h5p_lesson.lesson_uuid)
    assert record.completed_at is None
    assert services.record_learning(
        learner, h5p_lesson.lesson_uuid, Verb.MARKED_COMPLETE, source=Source.H5P
    ).lesson_completed_now


def test_the_page_cannot_mark_an_activity_lesson_complete(learner_client, enrolled, h5p_lesson):
    response = learner_client.post(reverse("courses:mark_complete", args=[h5p_lesson.lesson_uuid]))
    assert response.status_code == 302
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    page = learner_client.get(h5p_lesson.url).content.decode()
    assert "Mark as complete" not in page
    assert "Finish the activity above to complete this lesson." in page


def test_reading_to_the_end_completes_no_activity_lesson(learner_client, enrolled, h5p_lesson):
    url = reverse("courses:progress", args=[h5p_lesson.lesson_uuid])
    response = learner_client.post(url, {"verb": "reached_end"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["completed"] is False


def test_an_h5p_result_does_not_pass_a_lesson_scored_by_its_quiz(learner, enrolled, module):
    lesson = LessonPageFactory(
        parent=module, completion_rule=CompletionRule.ON_PASS, body=[QUIZ, h5p_block()]
    )
    assert CourseItem.objects.get(uuid=lesson.lesson_uuid).trusted_sources == ["quiz"]
    with pytest.raises(services.UntrustedSource):
        services.record_learning(
            learner, lesson.lesson_uuid, Verb.SCORED, score=1.0, passed=True, source=Source.H5P
        )


def test_a_scorm_commit_does_not_complete_a_lesson_its_h5p_activity_completes(
    learner, enrolled, h5p_lesson
):
    result = services.record_learning(
        learner, h5p_lesson.lesson_uuid, Verb.REACHED_END, source=Source.SCORM
    )
    assert not result.lesson_completed_now


def test_an_external_activity_lesson_trusts_xapi_statements(api, learner, external_lesson):
    item = CourseItem.objects.get(uuid=external_lesson.lesson_uuid)
    assert item.trusted_sources == ["xapi"]
    statement = xapi(external_lesson, "passed", score={"scaled": 0.8}, success=True)
    assert api.post(XAPI, statement, format="json").status_code == 200
    record = LessonProgress.objects.get(learner=learner, item_id=external_lesson.lesson_uuid)
    assert record.completed_at is not None and record.completion_source == Source.XAPI


def test_an_optional_activity_leaves_a_reading_lesson_to_the_learner(module):
    lesson = LessonPageFactory(parent=module, body=[h5p_block(required=False)])
    assert CourseItem.objects.get(uuid=lesson.lesson_uuid).trusted_sources == []
    assert lesson.learner_may_mark_complete


@pytest.mark.parametrize(
    "rule, body, external, expected",
    [
        (CompletionRule.ON_READ, [], False, []),
        (CompletionRule.ON_READ, [QUIZ], False, ["quiz"]),  # a practice quiz, not the learner
        (CompletionRule.ON_PASS, [QUIZ], False, ["quiz"]),
        (CompletionRule.ON_PASS, [QUIZ, h5p_block(), scorm_block()], False, ["quiz"]),
        (CompletionRule.ON_READ, [h5p_block(), scorm_block()], False, ["h5p", "scorm"]),
        (CompletionRule.ON_READ, [scorm_block(required=False)], False, []),
        (CompletionRule.ON_PASS, [scorm_block(required=False)], False, ["scorm"]),
        (CompletionRule.ON_MARK, [], True, ["xapi"]),
    ],
)
def test_each_lesson_names_the_sources_it_trusts(module, rule, body, external, expected):
    lesson = LessonPageFactory.build(completion_rule=rule, body=body, external_activity=external)
    assert sorted(lesson.trusted_sources) == expected


def test_existing_lessons_get_their_sources_from_the_migration():
    migration = importlib.import_module("courses.migrations.0006_backfill_lesson_trusted_sources")
    assert migration.trusted_sources("pass", [QUIZ, h5p_block()]) == ["quiz"]
    assert migration.trusted_sources("read", [h5p_block(), scorm_block(False)]) == ["h5p"]
    assert migration.trusted_sources("read", [QUIZ]) == []


def test_a_statement_about_someone_else_is_refused_and_nothing_is_stored(
    api, learner, other_learner, lessons
):
    from lms.models import Statement

    statement = xapi(lessons[0], "completed")
    for actor in (
        me("murad"),
        {"mbox": "mailto:someone@example.org"},
        {"mbox": f"mailto:{other_learner.pk}@learners.invalid"},
        {"account": {"homePage": "https://other.example", "name": "aysel"}},
        {"objectType": "Group", "member": [me()], "mbox": "mailto:group@example.org"},
        {"openid": "https://openid.example/aysel"},
    ):
        batch = [xapi(lessons[1], "experienced"), {**statement, "actor": actor}]
        response = api.post(XAPI, batch, format="json")
        assert response.status_code == 400, actor
        assert "1.actor" in response.json()["errors"]
    assert not Statement.objects.exists()
    assert not LessonProgress.objects.exists()


def test_a_statement_naming_the_learner_by_email_or_address_is_theirs(api, learner, lessons):
    learner.email = "Aysel@Example.org"
    learner.save()
    for actor in (
        {"mbox": "mailto:aysel@example.org"},
        {"mbox": f"mailto:{learner.pk}@learners.invalid"},
        me(),
    ):
        statement = {**xapi(lessons[0], "experienced"), "actor": actor, "id": str(uuid.uuid4())}
        assert api.post(XAPI, statement, format="json").status_code == 200, actor
