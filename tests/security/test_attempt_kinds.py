"""Attempts of every source share one table: a quiz's pages open only quiz attempts.

An H5P result or a SCO attempt has an attempt id like a quiz attempt; given
to the quiz's pages it was a quiz attempt with no questions (a 500 on the
result page, a submission on the attempt page).
"""

import pytest
from django.urls import reverse

from lms import services
from lms.attempts import add_attempt
from lms.models import Attempt, Source, h5p_activity, scorm_activity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "source, activity",
    [
        (Source.H5P, h5p_activity(1)),
        (Source.SCORM, scorm_activity(1, "item1")),
        (Source.XAPI, "xapi"),
    ],
)
def test_a_quiz_page_does_not_open_another_sources_attempt(
    learner, learner_client, enrolled, lessons, source, activity
):
    item = services.active_item(lessons[0].lesson_uuid)
    own, _summary = add_attempt(learner, item, source=source, activity=activity, score=0.4)
    unfinished, _summary = add_attempt(
        learner, item, source=source, activity=activity, finished_at=None
    )
    assert learner_client.get(reverse("quizzes:result", args=[own.pk])).status_code == 404
    assert learner_client.get(reverse("quizzes:attempt", args=[unfinished.pk])).status_code == 404
    response = learner_client.post(reverse("quizzes:attempt", args=[unfinished.pk]), {"q1": "0"})
    assert response.status_code == 404
    unfinished.refresh_from_db()
    assert unfinished.finished_at is None and not unfinished.answers.exists()
    assert Attempt.objects.filter(learner=learner).count() == 2
