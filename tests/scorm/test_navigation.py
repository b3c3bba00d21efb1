"""SCORM 2004 navigation between SCOs, the package's rollup onto the lesson, and who may write."""

import json

import pytest
from django.urls import reverse

from lms.models import LessonProgress
from scorm.importing import import_package
from tests.content import content_get, content_post
from tests.helpers import sco_attempt, sco_attempts

from .conftest import import_shared, place
from .packages import scorm2004_zip
from .test_launching import PASSED, commit, runtime_config, signed_in, urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(lessons):
    return place(lessons[2], import_package(scorm2004_zip()))


def finished(score):
    return {
        "cmi.completion_status": "completed",
        "cmi.score.scaled": str(score),
        "cmi.session_time": "PT1M",
    }


def test_the_manifest_gives_each_item_its_visibility_controls_and_threshold():
    package = import_package(scorm2004_zip())
    items = {item["identifier"]: item for item in package.scos}
    assert list(items) == ["one", "two", "three"]
    assert items["one"]["visible"] and not items["two"]["visible"]
    assert (items["one"]["flow"], items["one"]["choice"]) == (True, True)
    # Part three's cluster says choice="false".
    assert (items["three"]["flow"], items["three"]["choice"]) == (True, False)
    assert items["three"]["completion_threshold"] == 0.75
    assert items["three"]["mastery"] == 0.7
    assert items["one"]["completion_threshold"] is None
    assert items["three"]["objectives"] == ["p"] and items["one"]["objectives"] == []


def test_the_launch_page_offers_flow_and_choice_as_the_manifest_allows(
    learner_client, enrolled, three
):
    lesson, block_id = three
    launch = urls(lesson, block_id)["launch"]
    response = learner_client.get(launch)
    nav = response.context["config"]["nav"]
    assert nav["previous"] is None
    assert nav["continue"] == f"{launch}?sco=two"
    assert set(nav["choice"]) == {"one", "two"}
    assert nav["exit"] == lesson.url
    html = response.content.decode()
    # The hidden part is not in the table of contents; the third cannot be chosen.
    assert [item["identifier"] for item in response.context["items"]] == ["one", "three"]
    assert "<span>Part three</span>" in html
    assert 'rel="next"' in html and 'rel="prev"' not in html


def test_the_last_part_continues_back_to_the_lesson_with_the_manifests_thresholds(
    learner_client, enrolled, three
):
    lesson, block_id = three
    launch = urls(lesson, block_id)["launch"]
    response = learner_client.get(f"{launch}?sco=three")
    config = response.context["config"]
    assert config["sco"] == "three"
    assert config["nav"]["continue"] is None
    assert config["nav"]["previous"] == f"{launch}?sco=two"
    cmi = runtime_config(learner_client, lesson, block_id, "?sco=three")["cmi"]
    assert cmi["scaled_passing_score"] == "0.7"
    assert cmi["completion_threshold"] == "0.75"
    assert "Back to the lesson" in response.content.decode()


def test_the_lesson_completes_when_every_sco_is_completed_with_the_mean_score(
    learner_client, learner, enrolled, three
):
    lesson, block_id = three
    commit(learner_client, lesson, block_id, finished(0.8), sco="one")
    commit(learner_client, lesson, block_id, finished(0.6), sco="two")
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.completed_at is None  # part three is still to do
    commit(learner_client, lesson, block_id, finished(1.0), sco="three")
    progress.refresh_from_db()
    assert progress.completed_at is not None
    assert progress.best_score == pytest.approx(0.8)
    assert progress.completion_source == "scorm"


def test_a_scorm_12_completion_is_recorded_with_the_scorm_source(
    learner_client, learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    commit(learner_client, lesson, block_id, PASSED)
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.completion_source == "scorm"


def test_the_multi_sco_sample_flows_through_its_items_and_completes_when_all_are_opened(
    learner_client, learner, enrolled, lessons
):
    package = import_shared("golf_2004_3rd_multi_sco.zip")
    lesson, block_id = place(lessons[2], package)
    url = urls(lesson, block_id)["launch"]
    seen = []
    while url:
        response = learner_client.get(url)
        seen.append(response.context["config"]["sco"])
        url = response.context["config"]["nav"]["continue"]
    assert seen == [item["identifier"] for item in package.scos]
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None
    assert progress.completion_source == "scorm"


def test_a_learner_cannot_write_another_learners_attempt(
    client, learner, other_learner, enrolled, course, scorm_lesson
):
    from lms import services

    lesson, block_id = scorm_lesson
    services.enrol(other_learner, course)
    client.force_login(learner)
    commit(client, lesson, block_id, {**PASSED, "cmi.core.lesson_status": "incomplete"})
    mine = sco_attempt(learner=learner)
    # The other learner commits, naming the first learner anywhere they can.
    client.force_login(other_learner)
    body = {
        "sco": "item1",
        "session": "s1",
        "learner": learner.pk,
        "learner_id": learner.pk,
        "data": {**PASSED, "cmi.core.student_id": str(learner.pk)},
    }
    response = content_post(
        client,
        urls(lesson, block_id, other_learner)["commit"],
        json.dumps(body),
        content_type="application/json",
    )
    assert response.json()["recorded"] is True
    theirs = sco_attempt(learner=other_learner)
    mine.refresh_from_db()
    assert mine.completion_status == "incomplete" and mine.commits == 1
    assert theirs.success_status == "passed"
    assert not LessonProgress.objects.filter(
        learner=learner, item_id=lesson.lesson_uuid, completed_at__isnull=False
    ).exists()


def test_an_unpublished_lesson_is_not_found_for_its_enrolled_learners(
    learner_client, learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    lesson.unpublish()
    assert learner_client.get(urls(lesson, block_id)["launch"]).status_code == 404
    file = urls(lesson, block_id, signed_in(learner_client))["file"]
    assert content_get(learner_client, file).status_code == 404
    assert commit(learner_client, lesson, block_id, PASSED).status_code == 404
    assert not sco_attempts().exists()


def test_a_package_in_another_lesson_cannot_be_reached_through_this_one(
    learner_client, enrolled, scorm_lesson, three
):
    lesson, _block_id = scorm_lesson
    _other, other_block = three
    url = reverse("scorm:launch", args=[lesson.lesson_uuid, other_block])
    assert learner_client.get(url).status_code == 404


def test_the_runtime_offers_the_manifests_objectives_and_resumes_the_learners_ones(
    learner_client, enrolled, lessons
):
    package = import_shared("golf_2004_3rd_advanced_runtime.zip")
    lesson, block_id = place(lessons[2], package)
    cmi = runtime_config(learner_client, lesson, block_id)["cmi"]
    assert [row["id"] for row in cmi["objectives"]][:2] == ["PRIMARYOBJ", "obj_etiquette"]
    data = {
        "cmi.location": "4",
        "cmi.objectives.0.id": "obj_playing",
        "cmi.objectives.0.completion_status": "incomplete",
        "cmi.objectives.0.progress_measure": "0.4",
        "cmi.objectives.0.score.scaled": "0.5",
        "cmi.objectives.0.bogus": "x",
    }
    commit(learner_client, lesson, block_id, data, sco="item_1")
    cmi = runtime_config(learner_client, lesson, block_id)["cmi"]
    assert cmi["objectives"][0] == {
        "id": "obj_playing",
        "completion_status": "incomplete",
        "progress_measure": "0.4",
        "score": {"scaled": "0.5"},
    }
    assert [row["id"] for row in cmi["objectives"]].count("obj_playing") == 1
    assert len(cmi["objectives"]) == 5
