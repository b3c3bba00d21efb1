"""The kept attempt summaries (lms.AttemptSummary) move only with a stored attempt.

A replayed statement, a statement about someone else, a tampered copy of a
stored statement and another learner's attempt token each leave every
summary as it was, so a learner cannot raise their own best score or count,
nor touch anyone else's.
"""

import pytest

from lms.attempts import recount_all
from lms.models import AttemptSummary
from tests.h5p.conftest import statement
from tests.h5p.test_playing import attempt_for, post_statements

pytestmark = pytest.mark.django_db


def kept(learner):
    return list(
        AttemptSummary.objects.filter(learner=learner).values_list(
            "activity", "attempts", "best_score", "counted"
        )
    )


def test_a_replayed_or_tampered_statement_counts_once(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    first = statement(scaled=0.4, success=False)
    assert post_statements(learner_client, h5p_lesson, multichoice, first).status_code == 200
    before = kept(learner)
    assert [row[1:] for row in before] == [(1, 0.4, False)]
    # The same statement again: recognised, nothing added.
    assert post_statements(learner_client, h5p_lesson, multichoice, first).status_code == 200
    # The same id with a better score: a conflict, refused.
    tampered = {**first, "result": {**first["result"], "score": {"scaled": 1.0}}}
    assert post_statements(learner_client, h5p_lesson, multichoice, tampered).status_code == 409
    assert kept(learner) == before
    assert recount_all() == (1, [])


def test_another_learners_token_or_actor_leaves_every_summary_alone(
    learner_client, learner, other_learner, enrolled, h5p_lesson, multichoice
):
    from lms import services

    services.enrol(other_learner, h5p_lesson.course)
    theirs = attempt_for(other_learner, h5p_lesson, multichoice)
    refused = post_statements(
        learner_client, h5p_lesson, multichoice, statement(scaled=1.0), attempt=theirs
    )
    assert refused.status_code == 403
    about_them = statement(
        scaled=1.0, actor={"mbox": f"mailto:{other_learner.pk}@learners.invalid"}
    )
    assert post_statements(learner_client, h5p_lesson, multichoice, about_them).status_code == 400
    assert kept(learner) == [] and kept(other_learner) == []
