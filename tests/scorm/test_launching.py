"""Launching a SCORM package: who may open it, its files, and commits that record progress.

The runtime page, the package's files and the commits are content URLs on the
content host (``tests.content``), reached with the token the launch page issued.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from lms.models import LessonProgress
from tests.content import content_get, content_post, token_for
from tests.helpers import sco_attempt, sco_attempts

from .conftest import import_shared, place

pytestmark = pytest.mark.django_db


def scorm_token(user, lesson, block_id):
    block = next(block for block in lesson.body if block.id == block_id)
    claims = {"l": str(lesson.lesson_uuid), "b": str(block_id), "k": block.value["package"].pk}
    return token_for(user, "scorm.run", **claims)


def urls(lesson, block_id, user=None):
    found = {"launch": reverse("scorm:launch", args=[lesson.lesson_uuid, block_id])}
    token = scorm_token(user, lesson, block_id) if user is not None else "made-up:token"
    found["run"] = reverse("scorm_content:run", args=[token])
    found["commit"] = reverse("scorm_content:commit", args=[token])
    found["file"] = reverse("scorm_content:content", args=[token, "index.html"])
    return found


def signed_in(client):
    pk = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=pk) if pk else None


def runtime_config(client, lesson, block_id, query=""):
    """The runtime page's config, opened as the launch page frames it."""
    launch = client.get(urls(lesson, block_id)["launch"] + query)
    assert launch.status_code == 200
    response = content_get(client, launch.context["config"]["frameSrc"])
    assert response.status_code == 200
    return response.context["config"]


def commit(client, lesson, block_id, data, *, sco="item1", session="s1", user=None):
    body = {"sco": sco, "session": session, "data": data}
    url = urls(lesson, block_id, user or signed_in(client))["commit"]
    return content_post(client, url, json.dumps(body), content_type="application/json")


PASSED = {
    "cmi.core.lesson_status": "passed",
    "cmi.core.score.raw": "85",
    "cmi.core.score.min": "0",
    "cmi.core.score.max": "100",
    "cmi.core.lesson_location": "page-3",
    "cmi.suspend_data": "answers=abc",
    "cmi.core.session_time": "00:02:30",
    "cmi.interactions.0.id": "q1",
    "cmi.interactions.0.result": "correct",
}


def test_the_lesson_page_links_to_the_launch_page(learner_client, enrolled, scorm_lesson):
    lesson, block_id = scorm_lesson
    response = learner_client.get(lesson.url)
    assert urls(lesson, block_id)["launch"] in response.content.decode()


def test_an_enrolled_learner_launches_the_scorm_12_package(
    learner_client, learner, enrolled, scorm_lesson, django_assert_max_num_queries
):
    lesson, block_id = scorm_lesson
    with django_assert_max_num_queries(20):
        response = learner_client.get(urls(lesson, block_id)["launch"])
    html = response.content.decode()
    assert response.status_code == 200
    # The launch page frames the runtime on the content origin; it runs no package code.
    assert "scorm-again" not in html
    config = response.context["config"]
    assert config["frameSrc"].startswith("http://content.testserver/content/scorm/")
    assert config["version"] == "1.2"
    assert 'sandbox="allow-scripts allow-same-origin' in html
    run = content_get(learner_client, config["frameSrc"])
    assert "scorm-again/scorm12.min.js" in run.content.decode()
    assert run.context["config"]["cmi"]["core"]["entry"] == "ab-initio"
    assert run.context["config"]["src"].startswith(urls(lesson, block_id, learner)["file"][:-10])
    for page in (html, run.content.decode()):
        assert "<script>" not in page.replace(
            '<script id="scorm-config" type="application/json">', ""
        )


def test_the_package_files_are_served_in_a_frame_of_this_site(
    learner_client, learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    response = content_get(learner_client, urls(lesson, block_id, learner)["file"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    # Framed by the site's launch page and the runtime page (the content origin) only.
    assert "X-Frame-Options" not in response
    assert "frame-ancestors http://testserver 'self'" in response["Content-Security-Policy"]
    assert b"Tiny SCORM 1.2 lesson" in b"".join(response.streaming_content)


@pytest.mark.parametrize("path", ["../../../etc/passwd", "nothere.html", "imsmanifest.xml/.."])
def test_paths_outside_the_package_are_not_served(
    learner_client, learner, enrolled, scorm_lesson, path
):
    lesson, block_id = scorm_lesson
    token = scorm_token(learner, lesson, block_id)
    url = reverse("scorm_content:content", args=[token, path])
    assert content_get(learner_client, url).status_code == 404


def test_someone_not_on_the_course_sees_neither_launch_nor_files_nor_can_commit(
    client, other_learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    client.force_login(other_learner)
    assert client.get(urls(lesson, block_id)["launch"]).status_code == 404
    # Even with a token made out to them, the content origin checks the course.
    assert content_get(client, urls(lesson, block_id, other_learner)["file"]).status_code == 404
    assert commit(client, lesson, block_id, PASSED).status_code == 404
    assert not sco_attempts().exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_get_no_files(client, scorm_lesson):
    lesson, block_id = scorm_lesson
    assert client.get(urls(lesson, block_id)["launch"]).status_code == 302
    # Nobody signed in is given a token; a made-up one reaches nothing.
    assert content_get(client, urls(lesson, block_id)["file"]).status_code == 404
    made_up = urls(lesson, block_id)["commit"]
    body = json.dumps({"sco": "item1", "session": "s1", "data": PASSED})
    refused = content_post(client, made_up, body, content_type="application/json")
    assert refused.status_code == 404
    assert not sco_attempts().exists()


def test_an_unknown_block_is_not_found(learner_client, enrolled, scorm_lesson):
    lesson, _block_id = scorm_lesson
    assert learner_client.get(urls(lesson, "nope")["launch"]).status_code == 404


def test_a_commit_with_a_forged_token_is_refused(learner, other_learner, enrolled, scorm_lesson):
    lesson, block_id = scorm_lesson
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    token = scorm_token(learner, lesson, block_id)
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    body = json.dumps({"sco": "item1", "session": "s1", "data": PASSED})
    url = reverse("scorm_content:commit", args=[forged])
    assert content_post(client, url, body, content_type="application/json").status_code == 404
    assert not sco_attempts().exists()


def test_a_commit_with_the_launch_pages_token_needs_no_cookie_and_no_csrf_token(
    learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    run = client.get(urls(lesson, block_id)["launch"]).context["config"]["frameSrc"]
    commit_url = content_get(client, run).context["config"]["commitUrl"]
    body = json.dumps({"sco": "item1", "session": "s1", "data": PASSED})
    response = content_post(Client(), commit_url, body, content_type="application/json")
    assert response.json()["result"] is True
    assert sco_attempt(learner=learner).success_status == "passed"


def test_a_passing_commit_completes_the_lesson_with_its_score_once(
    learner_client, learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    first = commit(learner_client, lesson, block_id, PASSED)
    assert first.json() == {"result": True, "errorCode": 0, "recorded": True}
    attempt = sco_attempt(learner=learner)
    assert attempt.completion_status == "completed"
    assert attempt.success_status == "passed"
    assert (attempt.score_raw, attempt.score_min, attempt.score_max) == (85, 0, 100)
    assert attempt.total_time == 150
    assert attempt.interactions == [{"id": "q1", "result": "correct"}]
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None
    assert progress.best_score == pytest.approx(0.85)
    assert progress.passed_at is not None
    time_spent = progress.time_spent

    again = commit(learner_client, lesson, block_id, PASSED)
    assert again.json()["recorded"] is False
    attempt.refresh_from_db()
    assert attempt.commits == 1 and attempt.total_time == 150
    progress.refresh_from_db()
    assert progress.time_spent == time_spent


def test_later_sessions_add_to_the_total_time_and_the_launch_resumes(
    learner_client, learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    commit(learner_client, lesson, block_id, {**PASSED, "cmi.core.lesson_status": "incomplete"})
    commit(learner_client, lesson, block_id, PASSED, session="s2")
    attempt = sco_attempt(learner=learner)
    assert attempt.total_time == 300
    cmi = runtime_config(learner_client, lesson, block_id)["cmi"]
    assert cmi["core"]["entry"] == "resume"
    assert cmi["core"]["lesson_location"] == "page-3"
    assert cmi["suspend_data"] == "answers=abc"


def test_an_incomplete_commit_does_not_complete_the_lesson(
    learner_client, learner, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    data = {"cmi.core.lesson_status": "incomplete", "cmi.core.lesson_location": "p2"}
    assert commit(learner_client, lesson, block_id, data).json()["result"] is True
    assert sco_attempt(learner=learner).completion_status == "incomplete"
    progress = LessonProgress.objects.filter(learner=learner, item_id=lesson.lesson_uuid).first()
    assert progress is None or progress.completed_at is None


def test_a_commit_for_an_unknown_sco_or_without_data_is_refused(
    learner_client, enrolled, scorm_lesson
):
    lesson, block_id = scorm_lesson
    assert commit(learner_client, lesson, block_id, PASSED, sco="other").status_code == 400
    learner = signed_in(learner_client)
    url = urls(lesson, block_id, learner)["commit"]
    bad = content_post(learner_client, url, "not json", content_type="application/json")
    assert bad.status_code == 400
    assert not sco_attempts().exists()


def test_an_editor_may_try_the_package_without_anything_being_recorded(client, scorm_lesson):
    lesson, block_id = scorm_lesson
    editor = UserFactory(username="editor", is_superuser=True, is_staff=True)
    client.force_login(editor)
    response = client.get(urls(lesson, block_id)["launch"])
    assert response.status_code == 200
    assert response.context["config"]["record"] is False
    assert commit(client, lesson, block_id, PASSED).json()["recorded"] is False
    assert not sco_attempts().exists()


def test_a_package_that_is_not_required_keeps_its_results_but_leaves_the_lesson_alone(
    learner_client, learner, enrolled, lessons, scorm12
):
    lesson, block_id = place(lessons[1], scorm12, required=False)
    commit(learner_client, lesson, block_id, PASSED)
    assert sco_attempt(learner=learner).success_status == "passed"
    progress = LessonProgress.objects.filter(learner=learner, item_id=lesson.lesson_uuid).first()
    assert progress is None or progress.completed_at is None


@pytest.mark.parametrize(
    ("archive", "runtime"),
    [
        ("golf_2004_3rd_advanced_runtime.zip", "scorm2004.min.js"),
        ("golf_2004_3rd_multi_sco.zip", "scorm2004.min.js"),
    ],
)
def test_the_2004_samples_launch(learner_client, learner, enrolled, lessons, archive, runtime):
    package = import_shared(archive)
    lesson, block_id = place(lessons[2], package)
    response = learner_client.get(urls(lesson, block_id)["launch"])
    assert response.status_code == 200
    config = response.context["config"]
    run = content_get(learner_client, config["frameSrc"])
    assert runtime in run.content.decode()
    assert run.context["config"]["cmi"]["entry"] == "ab-initio"
    first = package.scos[0]["launch"]
    src = reverse("scorm_content:content", args=[scorm_token(learner, lesson, block_id), first])
    assert run.context["config"]["src"].startswith(src)
    assert content_get(learner_client, src).status_code == 200
    if len(package.scos) > 1:
        assert len(response.context["items"]) == len(package.scos)
        assert config["nav"]["continue"].endswith(f"?sco={package.scos[1]['identifier']}")


def test_a_2004_commit_records_success_score_and_objectives(
    learner_client, learner, enrolled, lessons
):
    package = import_shared("golf_2004_3rd_advanced_runtime.zip")
    lesson, block_id = place(lessons[2], package)
    data = {
        "cmi.completion_status": "completed",
        "cmi.success_status": "passed",
        "cmi.score.scaled": "0.9",
        "cmi.score.raw": "90",
        "cmi.location": "3",
        "cmi.session_time": "PT1M30S",
        "cmi.objectives.0.id": "obj1",
        "cmi.objectives.0.success_status": "passed",
    }
    commit(learner_client, lesson, block_id, data, sco="item_1")
    attempt = sco_attempt(learner=learner)
    assert attempt.score_scaled == 0.9 and attempt.total_time == 90
    assert attempt.objectives == [{"id": "obj1", "success_status": "passed"}]
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None and progress.best_score == pytest.approx(0.9)
    resumed = runtime_config(learner_client, lesson, block_id)["cmi"]
    assert resumed["entry"] == "resume" and resumed["location"] == "3"


def test_the_admin_lists_the_lessons_that_use_a_package(client, scorm_lesson, scorm12):
    lesson, _block_id = scorm_lesson
    client.force_login(UserFactory(username="trainer", is_superuser=True, is_staff=True))
    usage = client.get(reverse("wagtailsnippets_scorm_scormpackage:usage", args=[scorm12.pk]))
    assert lesson.title in usage.content.decode()
