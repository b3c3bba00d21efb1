"""Every source's events in one statement list and one attempt list (issue: one learning record)."""

import pytest
from django.urls import reverse

from lms.models import Attempt, Source, Statement
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/xapi/statements"
EVERY_SOURCE = {Source.H5P, Source.SCORM, Source.QUIZ, Source.XAPI, Source.TRAINER}


def listed(user, **params):
    response = client_for(user).get(URL, {"limit": 0, **params})
    assert response.status_code == 200
    return {row["id"] for row in response.json()["statements"]}


def test_every_source_writes_to_one_statement_log(learner, everything):
    mine = Statement.objects.filter(learner=learner)
    assert set(mine.values_list("source", flat=True)) == EVERY_SOURCE
    assert listed(learner) == {str(pk) for pk in mine.values_list("pk", flat=True)}


def test_every_source_makes_attempts_in_one_table(learner, everything):
    attempts = Attempt.objects.filter(learner=learner)
    assert set(attempts.values_list("source", flat=True)) == {
        Source.H5P,
        Source.SCORM,
        Source.QUIZ,
        Source.XAPI,
    }
    assert attempts.filter(finished_at__isnull=True).count() == 0
    by_source = {attempt.source: attempt for attempt in attempts}
    assert by_source[Source.H5P].counted is True and by_source[Source.H5P].score == 1.0
    assert by_source[Source.SCORM].passed is True
    assert by_source[Source.SCORM].score == pytest.approx(0.85)
    assert by_source[Source.QUIZ].passed is False and by_source[Source.QUIZ].rule
    assert by_source[Source.XAPI].score == 0.8
    # Each result's statement points at its attempt.
    for attempt in attempts:
        assert attempt.statements.exists(), attempt.source


def test_an_h5p_result_is_recorded_once(learner, everything, learner_client, monkeypatch):
    from lms import services
    from lms.models import LearningSession, LessonProgress
    from tests.h5p.conftest import statement as h5p_statement
    from tests.h5p.test_playing import post_statements

    lesson = everything["h5p"]
    calls = []
    record = services.record_learning
    monkeypatch.setattr(
        services, "record_learning", lambda *a, **k: calls.append(a[2]) or record(*a, **k)
    )
    activity = lesson.body[0].value["activity"]
    response = post_statements(learner_client, lesson, activity, h5p_statement(scaled=0.9))
    assert response.status_code == 200
    assert len(calls) == 1, calls  # one event, one call: it was a SCORED and a MARKED_COMPLETE
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None and progress.best_score == 1.0
    assert LearningSession.objects.filter(learner=learner, item_id=lesson.lesson_uuid).count() == 1


def test_the_record_names_each_attempts_rule_in_the_readers_language(
    client, learner, trainer, everything
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(trainer)
    text = client.get(reverse("lms_reports:learner", args=[learner.pk])).content.decode()
    assert "quiz: score" not in text and "h5p: passed" not in text
    assert "Проходной балл 70%" in text


def test_the_trainer_reads_every_source_in_the_learners_record(
    client, learner, trainer, everything, django_assert_max_num_queries
):
    client.force_login(trainer)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("lms_reports:learner", args=[learner.pk]))
    assert response.status_code == 200
    shown_attempts = {attempt.source for attempt in response.context["attempts"]}
    assert shown_attempts == {Source.H5P, Source.SCORM, Source.QUIZ, Source.XAPI}
    shown = {statement.source for statement in response.context["statements"]}
    # A trainer reads the statements about their cohort's lessons.
    assert shown == {Source.H5P, Source.SCORM, Source.QUIZ, Source.XAPI}
    page = response.content.decode()
    for label in ("H5P activity", "SCORM package", "Quiz", "xAPI statement"):
        assert label in page


def test_the_trainer_reads_the_cohorts_statements_through_the_api(learner, trainer, everything):
    about_lessons = Statement.objects.filter(learner=learner, item__isnull=False)
    agent = f'{{"mbox": "mailto:{learner.pk}@learners.invalid"}}'
    assert listed(trainer, agent=agent) == {
        str(pk) for pk in about_lessons.values_list("pk", flat=True)
    }


def test_filters_narrow_the_list(learner, everything):
    passed = Statement.objects.filter(learner=learner, verb="http://adlnet.gov/expapi/verbs/passed")
    assert listed(learner, verb="http://adlnet.gov/expapi/verbs/passed") == {
        str(pk) for pk in passed.values_list("pk", flat=True)
    }
    assert passed.exists()
