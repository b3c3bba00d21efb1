"""Competency frameworks registered by packs fill in each learner's profile as lessons complete."""

import pytest

from competencies.loading import build_framework
from competencies.models import Competency, Evidence
from lms import services
from lms.models import Verb

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(course, lessons):
    definition = {
        "slug": "test-framework",
        "name": "Test framework",
        "competencies": [
            {
                "code": "1",
                "kind": "area",
                "title": "Rights",
                "children": [
                    {
                        "code": "1.1",
                        "kind": "competency",
                        "title": "Knows article 24",
                        "lessons": ["inclusive/article-24", "inclusive/meaning"],
                    },
                    {
                        "code": "1.2",
                        "kind": "competency",
                        "title": "Plans with UDL",
                        "lessons": ["inclusive/udl", "inclusive/not-a-lesson"],
                    },
                ],
            }
        ],
    }
    framework, missing = build_framework(definition, pack="test")
    assert missing == ["inclusive/not-a-lesson"]
    return framework


def complete(learner, lesson, capture):
    with capture(execute=True):
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)


def test_building_a_framework_twice_changes_nothing(framework, course, lessons):
    before = Competency.objects.count()
    build_framework({"slug": framework.slug, "name": "Renamed", "competencies": []}, pack="test")
    assert Competency.objects.count() == before
    framework.refresh_from_db()
    assert framework.name == "Renamed"


def test_completing_a_mapped_lesson_records_evidence_once(
    learner, enrolled, lessons, framework, django_capture_on_commit_callbacks
):
    complete(learner, lessons[0], django_capture_on_commit_callbacks)
    complete(learner, lessons[0], django_capture_on_commit_callbacks)
    evidence = Evidence.objects.get()
    assert evidence.competency.code == "1.1"
    assert evidence.lesson_uuid == lessons[0].lesson_uuid


def test_the_profile_fills_in_and_rolls_up(
    learner_client, learner, enrolled, lessons, framework, django_capture_on_commit_callbacks
):
    complete(learner, lessons[0], django_capture_on_commit_callbacks)
    complete(learner, lessons[1], django_capture_on_commit_callbacks)
    content = learner_client.get("/competencies/").content.decode()
    assert "Knows article 24" in content
    assert "Achieved" in content
    assert "2 of 3" in content  # the area: two of its three lessons


def test_a_learner_sees_only_their_own_profile(
    client, learner, other_learner, enrolled, lessons, framework, django_capture_on_commit_callbacks
):
    complete(learner, lessons[0], django_capture_on_commit_callbacks)
    client.force_login(other_learner)
    content = client.get("/competencies/").content.decode()
    assert "Achieved" not in content and "In progress" not in content


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/competencies/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_profile_costs_the_same_whatever_the_framework_size(
    learner_client, framework, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    learner_client.get("/competencies/")
    with CaptureQueriesContext(connection) as small:
        learner_client.get("/competencies/")
    for index in range(30):
        Competency.objects.create(
            framework=framework, code=f"x{index}", kind="criterion", title="x"
        )
    with django_assert_max_num_queries(len(small)):
        assert learner_client.get("/competencies/").status_code == 200
