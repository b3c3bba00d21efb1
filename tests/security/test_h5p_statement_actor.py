"""The H5P player's statements are stored only under the learner they name."""

import pytest

from lms.models import Attempt, LessonProgress, Statement
from tests.h5p.conftest import statement
from tests.h5p.test_playing import post_statements

pytestmark = pytest.mark.django_db


def test_a_statement_about_another_learner_is_refused_and_nothing_is_stored(
    learner_client, learner, other_learner, enrolled, h5p_lesson, multichoice
):
    mine = statement(actor={"mbox": f"mailto:{learner.pk}@learners.invalid"})
    theirs = statement(actor={"mbox": f"mailto:{other_learner.pk}@learners.invalid"})
    response = post_statements(learner_client, h5p_lesson, multichoice, mine, theirs)
    assert response.status_code == 400
    assert response.json()["message"] == "A statement's actor must be you."
    assert not Statement.objects.filter(source="h5p").exists()
    assert not Attempt.objects.filter(source="h5p").exists()
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_the_players_own_statement_naming_the_learner_is_taken(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    mine = statement(actor={"name": "aysel", "mbox": f"mailto:{learner.pk}@learners.invalid"})
    response = post_statements(learner_client, h5p_lesson, multichoice, mine)
    assert response.status_code == 200
    assert Statement.objects.filter(source="h5p").get().learner == learner
