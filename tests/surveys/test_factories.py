"""The surveys' public factories build valid objects."""

import pytest

from surveys.factories import EvaluationResponseFactory, community_survey

pytestmark = pytest.mark.django_db


def test_evaluation_response_factory_makes_a_valid_response(course):
    response = EvaluationResponseFactory(course=course)
    response.full_clean()
    assert response.month.day == 1


def test_community_survey_builds_a_live_survey_with_groups(client, home):
    survey = community_survey(home)
    assert survey.live
    assert [group.name for group in survey.respondent_groups.all()] == ["Teachers", "Parents"]
    assert client.get(survey.url).status_code == 200
