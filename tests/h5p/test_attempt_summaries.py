"""Each activity's attempts are summarised as they are added (lms.models.AttemptSummary).

The H5P statement post reads one summary row per block instead of aggregating
every attempt of the learner, so it costs the same with ten earlier attempts
as with two thousand; the summaries always equal a recount of the attempts.
"""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.attempts import add_attempt, recount_all, summaries
from lms.models import Attempt, AttemptSummary, CourseItem, Source, h5p_activity

from .conftest import statement
from .test_playing import attempt_for, post_statements

pytestmark = pytest.mark.django_db


def earlier_attempts(learner, lesson, activity, count):
    """``count`` finished H5P attempts at ``activity``, as if the learner had sent them."""
    item = CourseItem.objects.get(uuid=lesson.lesson_uuid)
    start = timezone.now() - timedelta(days=30)
    Attempt.objects.bulk_create(
        Attempt(
            learner=learner,
            item=item,
            source=Source.H5P,
            activity=h5p_activity(activity.pk),
            number=number,
            started_at=start,
            finished_at=start,
            score=0.25,
            passed=False,
            rule="h5p: passed",
            counted=False,
        )
        for number in range(1, count + 1)
    )
    recount_all(fix=True)  # as the migration summarised attempts made before summaries


def post_cost(client, learner, lesson, activity, score):
    attempt = attempt_for(learner, lesson, activity)
    with CaptureQueriesContext(connection) as captured:
        response = post_statements(
            client, lesson, activity, statement(scaled=score, success=False), attempt=attempt
        )
    assert response.status_code == 200, response.content
    # Nothing reads the learner's attempts: the summaries stand for them.
    reads = [
        query["sql"]
        for query in captured.captured_queries
        if 'FROM "lms_attempt"' in query["sql"] and not query["sql"].startswith("INSERT")
    ]
    assert reads == []
    return len(captured), response.json()


def test_a_statement_post_costs_the_same_with_ten_and_two_thousand_earlier_attempts(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    earlier_attempts(learner, h5p_lesson, multichoice, 9)
    # The first post fills the caches every later one reads (content types, the lesson's item).
    post_cost(learner_client, learner, h5p_lesson, multichoice, 0.3)
    few, answer = post_cost(learner_client, learner, h5p_lesson, multichoice, 0.5)
    assert answer["best_score"] == 0.5
    Attempt.objects.filter(learner=learner).delete()
    AttemptSummary.objects.all().delete()
    earlier_attempts(learner, h5p_lesson, multichoice, 2000)
    many, answer = post_cost(learner_client, learner, h5p_lesson, multichoice, 0.75)
    assert many == few
    assert answer["best_score"] == 0.75
    newest = Attempt.objects.filter(learner=learner).order_by("-number").first()
    assert newest.number == 2001


def test_a_scored_statement_post_is_pinned_at_its_query_count(
    learner_client, learner, enrolled, h5p_lesson, multichoice, django_assert_max_num_queries
):
    """What a learner's result costs the server: the session and user, the lesson and its
    activity, the statement's duplicate check and insert, the attempt and its summary, and
    the recording service (progress, session, enrolment), each in one statement."""
    post_statements(learner_client, h5p_lesson, multichoice, statement(scaled=0.5, success=False))
    attempt = attempt_for(learner, h5p_lesson, multichoice)
    with django_assert_max_num_queries(22):
        post_statements(
            learner_client,
            h5p_lesson,
            multichoice,
            statement(scaled=0.6, success=False),
            attempt=attempt,
        )


def test_summaries_follow_each_added_attempt_and_equal_a_recount(learner, enrolled, h5p_lesson):
    item = CourseItem.objects.get(uuid=h5p_lesson.lesson_uuid)
    activity = "h5p:99"
    for score, counted in [(0.4, False), (None, False), (0.9, True), (0.6, False)]:
        attempt, summary = add_attempt(
            learner, item, source=Source.H5P, activity=activity, score=score, counted=counted
        )
    assert attempt.number == 4
    kept = summaries(learner, item.uuid, [activity, "h5p:100"])
    assert kept[activity] == summary
    assert (summary.attempts, summary.best_score, summary.counted, summary.last_number) == (
        4,
        0.9,
        True,
        4,
    )
    assert kept["h5p:100"].attempts == 0
    assert recount_all() == (1, [])


def test_an_attempt_made_without_its_summary_is_numbered_after_it(learner, enrolled, h5p_lesson):
    """An attempt the summary does not know (a restored table, a concurrent request)
    makes the next one recount, never reuse its number."""
    item = CourseItem.objects.get(uuid=h5p_lesson.lesson_uuid)
    add_attempt(learner, item, source=Source.H5P, activity="h5p:7", score=0.2)
    Attempt.objects.create(
        learner=learner,
        item=item,
        source=Source.H5P,
        activity="h5p:7",
        number=2,
        started_at=timezone.now(),
        finished_at=timezone.now(),
        score=0.8,
    )
    attempt, summary = add_attempt(learner, item, source=Source.H5P, activity="h5p:7", score=0.5)
    assert attempt.number == 3
    assert (summary.attempts, summary.best_score) == (3, 0.8)
    assert recount_all() == (1, [])


def test_the_command_finds_a_summary_changed_behind_the_platforms_back_and_fixes_it(
    learner, enrolled, h5p_lesson
):
    item = CourseItem.objects.get(uuid=h5p_lesson.lesson_uuid)
    add_attempt(learner, item, source=Source.H5P, activity="h5p:3", score=0.3)
    call_command("check_attempt_summaries", stdout=io.StringIO())
    AttemptSummary.objects.update(best_score=1.0)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_attempt_summaries", stdout=out)
    assert "1 different" in out.getvalue()
    call_command("check_attempt_summaries", fix=True, stdout=io.StringIO())
    assert AttemptSummary.objects.get().best_score == 0.3
    call_command("check_attempt_summaries", stdout=io.StringIO())


def test_an_unfinished_attempt_takes_a_number_but_no_result(learner, enrolled, h5p_lesson):
    item = CourseItem.objects.get(uuid=h5p_lesson.lesson_uuid)
    add_attempt(learner, item, source=Source.XAPI, activity="xapi", score=0.5)
    attempt, summary = add_attempt(
        learner, item, source=Source.XAPI, activity="xapi", score=0.9, finished_at=None
    )
    assert attempt.number == 2
    assert (summary.attempts, summary.best_score, summary.last_number) == (1, 0.5, 2)
    assert summaries(learner, item.uuid, ["xapi"])["xapi"] == summary
    assert recount_all() == (1, [])
