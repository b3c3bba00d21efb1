"""Playing an activity: who gets the frame and the files, and how results reach progress.

The player, its files and saved state are content URLs on the content host
(``tests.content``), reached with the token the lesson page issued.
"""

import json

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from h5p.models import H5PUserData
from lms import content
from lms.models import Attempt, CompletionRule, LessonProgress, Statement
from tests.content import content_get, content_post, token_for

from .conftest import statement
from .packages import SCORED

pytestmark = pytest.mark.django_db


def play_token(user, lesson, activity):
    return token_for(user, "h5p.play", l=str(lesson.lesson_uuid), a=activity.pk)


def play_url(user, lesson, activity):
    return reverse("h5p_content:play", args=[play_token(user, lesson, activity)])


def file_url(user, lesson, activity, path="h5p.json", version=None):
    version = version or activity.version
    return reverse("h5p_content:file", args=[play_token(user, lesson, activity), version, path])


def statements_url(lesson, activity):
    return reverse("h5p:statements", args=[lesson.lesson_uuid, activity.pk])


def state_url(user, lesson, activity, data_type="state", sub="0"):
    return reverse("h5p_content:state", args=[play_token(user, lesson, activity), data_type, sub])


def attempt_for(user, lesson, activity):
    """The attempt token the player page gives the lesson page (see h5p.views.play)."""
    return content.sign_timed("h5p.attempt", u=user.pk, l=str(lesson.lesson_uuid), a=activity.pk)


def post_statements(client, lesson, activity, *items, attempt=None):
    user = client.session.get("_auth_user_id")
    if attempt is None and user:
        attempt = attempt_for(UserFactory._meta.model.objects.get(pk=user), lesson, activity)
    return client.post(
        statements_url(lesson, activity),
        data=json.dumps({"statements": list(items), "attempt": attempt}),
        content_type="application/json",
    )


def test_the_lesson_page_frames_the_player_in_a_sandbox(
    learner_client, learner, enrolled, h5p_lesson
):
    response = learner_client.get(h5p_lesson.url)
    html = response.content.decode()
    # allow-same-origin is the content origin's own, which holds nothing of the site.
    assert 'sandbox="allow-scripts allow-same-origin' in html
    activity = h5p_lesson.body[0].value["activity"]
    assert f'src="http://content.testserver{play_url(learner, h5p_lesson, activity)}"' in html


def test_the_player_frame_has_its_csp_and_may_be_framed_by_the_site(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    response = content_get(learner_client, play_url(learner, h5p_lesson, multichoice))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response  # frame-ancestors names the site instead
    policy = response["Content-Security-Policy"]
    assert "'unsafe-eval'" in policy and "cdn" not in policy
    assert "frame-ancestors http://testserver 'self'" in policy
    html = response.content.decode()
    assert "h5p-standalone/main.bundle.js" in html
    data = json.loads(html.split('id="h5p-player-data" type="application/json">')[1].split("<")[0])
    assert data["siteOrigin"] == "http://testserver" and data["attempt"]
    assert (
        data["options"]["h5pJsonPath"]
        == (file_url(learner, h5p_lesson, multichoice).rsplit("/", 1)[0])
    )


def test_an_enrolled_learner_gets_the_files_with_cache_headers(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    response = content_get(learner_client, file_url(learner, h5p_lesson, multichoice))
    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"] == "H5P.MultiChoice"
    assert "private" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    library = content_get(
        learner_client,
        file_url(learner, h5p_lesson, multichoice, "H5P.MultiChoice-1.14/library.json"),
    )
    assert library.status_code == 200


def test_a_replaced_package_is_served_at_new_addresses(
    learner_client, learner, enrolled, h5p_lesson, multichoice, django_capture_on_commit_callbacks
):
    from h5p.importing import import_package

    from .conftest import real

    old_version, old_url = multichoice.version, file_url(learner, h5p_lesson, multichoice)
    assert content_get(learner_client, old_url).status_code == 200  # the decision is cached
    # Committed, so the old files go as in production.
    with (
        open(real("H5P.MultiChoice"), "rb") as package,
        django_capture_on_commit_callbacks(execute=True),
    ):
        import_package(package, activity=multichoice)
    multichoice.refresh_from_db()
    assert multichoice.version != old_version
    # Browsers that kept the old files never get them mixed with the new ones.
    assert content_get(learner_client, old_url).status_code == 404
    new_url = file_url(learner, h5p_lesson, multichoice)
    assert content_get(learner_client, new_url).status_code == 200
    play = content_get(learner_client, play_url(learner, h5p_lesson, multichoice))
    html = play.content.decode()
    data = json.loads(html.split('id="h5p-player-data" type="application/json">')[1].split("<")[0])
    assert data["options"]["h5pJsonPath"].endswith(f"/{multichoice.version}")


def test_a_made_up_version_is_not_served(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    url = file_url(learner, h5p_lesson, multichoice, version="0123456789abcdef")
    assert content_get(learner_client, url).status_code == 404


@pytest.mark.parametrize(
    "path", ["../h5p.json", "content/../../x", "Unknown-1.0/library.json", "%2e%2e/secret"]
)
def test_paths_outside_the_package_are_not_served(
    learner_client, learner, enrolled, h5p_lesson, multichoice, path
):
    url = file_url(learner, h5p_lesson, multichoice, path)
    assert content_get(learner_client, url).status_code == 404


def test_wrong_users_get_neither_the_player_nor_the_files(client, course, h5p_lesson, multichoice):
    # A visitor who is not signed in is given no token; a made-up one is not found.
    made_up = reverse("h5p_content:play", args=["made-up:token"])
    assert content_get(client, made_up).status_code == 404
    assert client.get(h5p_lesson.url).content.decode().count("/content/h5p/") == 0
    stranger = UserFactory(username="not-enrolled")
    client.force_login(stranger)
    assert content_get(client, play_url(stranger, h5p_lesson, multichoice)).status_code == 403
    assert content_get(client, file_url(stranger, h5p_lesson, multichoice)).status_code == 403


def test_files_of_an_unpublished_lesson_are_not_served(
    learner_client, learner, enrolled, make_h5p_lesson, multichoice
):
    lesson = make_h5p_lesson(multichoice, live=False)
    assert content_get(learner_client, file_url(learner, lesson, multichoice)).status_code == 404
    assert content_get(learner_client, play_url(learner, lesson, multichoice)).status_code == 404


def test_an_activity_not_in_the_lesson_is_not_served(
    learner_client, learner, enrolled, h5p_lesson, import_real
):
    other = import_real("H5P.TrueFalse")
    assert content_get(learner_client, file_url(learner, h5p_lesson, other)).status_code == 404


def test_the_content_view_stays_cheap(
    learner_client, learner, enrolled, h5p_lesson, multichoice, django_assert_max_num_queries
):
    content_get(learner_client, file_url(learner, h5p_lesson, multichoice))
    with django_assert_max_num_queries(3):
        response = content_get(
            learner_client, file_url(learner, h5p_lesson, multichoice, "content/content.json")
        )
    assert response.status_code == 200


def test_a_passed_answer_completes_the_lesson_with_the_score(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    response = post_statements(learner_client, h5p_lesson, multichoice, statement(scaled=1.0))
    assert response.status_code == 200
    assert response.json()["lesson_completed"] is True
    progress = LessonProgress.objects.get(learner=learner, item_id=h5p_lesson.lesson_uuid)
    assert progress.completed_at is not None
    assert progress.best_score == 1.0
    enrolled.refresh_from_db()
    assert enrolled.lessons_completed == 1


def test_a_failed_answer_records_the_score_but_does_not_complete(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    post_statements(learner_client, h5p_lesson, multichoice, statement(scaled=0.5, success=False))
    progress = LessonProgress.objects.get(learner=learner, item_id=h5p_lesson.lesson_uuid)
    assert progress.completed_at is None
    assert progress.best_score == 0.5
    assert Attempt.objects.filter(source="h5p").filter(learner=learner).count() == 1


def test_child_statements_are_stored_but_decide_nothing(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    child = statement(scaled=1.0, parent="http://testserver/h5p/parent")
    response = post_statements(learner_client, h5p_lesson, multichoice, child)
    assert response.status_code == 200
    stored = Statement.objects.filter(source="h5p").get(learner=learner)
    assert stored.is_top_level is False
    assert not Attempt.objects.filter(source="h5p").exists()
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_a_retried_batch_is_stored_once(learner_client, learner, enrolled, h5p_lesson, multichoice):
    item = statement(scaled=0.5, success=False)  # the player sends no timestamp
    assert post_statements(learner_client, h5p_lesson, multichoice, item).status_code == 200
    assert post_statements(learner_client, h5p_lesson, multichoice, item).status_code == 200
    assert Statement.objects.filter(source="h5p").filter(learner=learner).count() == 1
    assert Attempt.objects.filter(source="h5p").count() == 1


def test_every_attempt_is_kept_and_the_best_counts(
    learner_client, learner, enrolled, make_h5p_lesson, multichoice
):
    lesson = make_h5p_lesson(multichoice, completion="score", min_score=80)
    for scaled in (0.5, 0.9, 0.6):
        post_statements(
            learner_client, lesson, multichoice, statement(scaled=scaled, success=False)
        )
    assert Attempt.objects.filter(source="h5p").filter(learner=learner).count() == 3
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.best_score == 0.9
    assert progress.completed_at is not None


def test_an_assessed_lesson_completes_on_the_h5p_pass(
    learner_client, learner, enrolled, make_h5p_lesson, multichoice
):
    lesson = make_h5p_lesson(multichoice, rule=CompletionRule.ON_PASS)
    post_statements(learner_client, lesson, multichoice, statement(scaled=0.3, success=False))
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    post_statements(learner_client, lesson, multichoice, statement(scaled=1.0, success=True))
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.passed_at is not None and progress.completed_at is not None


def test_a_learner_who_is_not_enrolled_cannot_post_results(
    client, learner, h5p_lesson, multichoice
):
    client.force_login(learner)
    response = post_statements(client, h5p_lesson, multichoice, statement())
    assert response.status_code == 403
    assert not Statement.objects.filter(source="h5p").exists()


def test_statements_need_the_csrf_token(learner, enrolled, h5p_lesson, multichoice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = post_statements(client, h5p_lesson, multichoice, statement())
    assert response.status_code == 403
    assert not Statement.objects.filter(source="h5p").exists()


@pytest.mark.parametrize("statements", ["not json", [], [{"verb": {}}]])
def test_bad_statements_are_refused_and_nothing_is_stored(
    learner_client, learner, enrolled, h5p_lesson, multichoice, statements
):
    attempt = attempt_for(learner, h5p_lesson, multichoice)
    body = (
        statements
        if isinstance(statements, str)
        else json.dumps({"statements": statements, "attempt": attempt})
    )
    response = learner_client.post(
        statements_url(h5p_lesson, multichoice), data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["message"]
    assert not Statement.objects.filter(source="h5p").exists()


def test_the_statement_endpoint_query_count_does_not_grow_with_the_batch(
    learner_client, learner, enrolled, h5p_lesson, multichoice, django_assert_max_num_queries
):
    children = [statement(parent="http://p", scaled=None) for _ in range(30)]
    attempt = attempt_for(learner, h5p_lesson, multichoice)
    with django_assert_max_num_queries(12):
        response = post_statements(
            learner_client, h5p_lesson, multichoice, *children, attempt=attempt
        )
    assert response.status_code == 200


def test_a_scored_result_is_recorded_in_one_pass(
    learner_client, learner, enrolled, h5p_lesson, multichoice, django_assert_max_num_queries
):
    """One result: one statement, one attempt, one call to record_learning (35 queries before)."""
    post_statements(learner_client, h5p_lesson, multichoice, statement(scaled=0.5, success=False))
    with django_assert_max_num_queries(26):
        response = post_statements(
            learner_client, h5p_lesson, multichoice, statement(scaled=1.0, success=True)
        )
    assert response.json()["lesson_completed"] is True


def test_a_beacon_form_post_is_accepted(learner_client, learner, enrolled, h5p_lesson, multichoice):
    response = learner_client.post(
        statements_url(h5p_lesson, multichoice),
        {
            "statements": json.dumps([statement(scaled=None, parent="http://p")]),
            "attempt": attempt_for(learner, h5p_lesson, multichoice),
        },
    )
    assert response.status_code == 200
    assert Statement.objects.filter(source="h5p").filter(learner=learner).count() == 1


def test_saved_state_round_trips_for_the_learner_only(
    learner_client, learner, other_learner, enrolled, h5p_lesson, multichoice, client, course
):
    from lms import services

    url = state_url(learner, h5p_lesson, multichoice)
    assert content_get(learner_client, url).json() == {"success": True, "data": False}
    saved = content_post(learner_client, url, {"data": '{"answers":[1]}', "preload": "1"})
    assert saved.status_code == 200
    assert content_get(learner_client, url).json()["data"] == '{"answers":[1]}'

    services.enrol(other_learner, course)
    client.force_login(other_learner)
    theirs = state_url(other_learner, h5p_lesson, multichoice)
    assert content_get(client, theirs).json()["data"] is False
    content_post(client, theirs, {"data": '{"answers":[2]}'})
    assert H5PUserData.objects.get(learner=learner).data == '{"answers":[1]}'


def test_saved_state_needs_enrolment_and_has_a_size_limit(
    learner_client, client, learner, enrolled, h5p_lesson, multichoice, settings
):
    url = state_url(learner, h5p_lesson, multichoice)
    settings.H5P = {"MAX_STATE_BYTES": 10}
    assert content_post(learner_client, url, {"data": "x" * 11}).status_code == 413
    assert not H5PUserData.objects.exists()
    stranger = UserFactory(username="stranger")
    client.force_login(stranger)
    theirs = state_url(stranger, h5p_lesson, multichoice)
    assert content_get(client, theirs).status_code == 403
    assert content_post(client, theirs, {"data": "{}"}).status_code == 403


def test_clearing_the_saved_state(learner_client, learner, enrolled, h5p_lesson, multichoice):
    url = state_url(learner, h5p_lesson, multichoice)
    content_post(learner_client, url, {"data": "{}"})
    content_post(learner_client, url, {"data": "0"})
    assert not H5PUserData.objects.exists()


def test_the_preview_is_for_editors_only(client, admin_user, multichoice):
    url = reverse("h5p:preview", args=[multichoice.pk])
    plain = UserFactory(username="plain")
    client.force_login(plain)
    assert client.get(url).status_code == 403
    token = token_for(plain, "h5p.preview", a=multichoice.pk)
    player = reverse("h5p_content:preview", args=[token])
    file = reverse("h5p_content:preview_file", args=[token, multichoice.version, "h5p.json"])
    assert content_get(client, player).status_code == 403
    assert content_get(client, file).status_code == 403
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    src = response.context["frame"]["src"]
    assert src.startswith("http://content.testserver/content/h5p/preview/")
    assert content_get(client, src).status_code == 200
    token = token_for(admin_user, "h5p.preview", a=multichoice.pk)
    file = reverse("h5p_content:preview_file", args=[token, multichoice.version, "h5p.json"])
    assert content_get(client, file).status_code == 200


@pytest.mark.parametrize("stem", SCORED)
def test_every_scored_real_package_records_a_result_when_a_statement_arrives(
    client, learner, enrolled, make_h5p_lesson, import_real, stem
):
    activity = import_real(stem)
    lesson = make_h5p_lesson(activity, completion="score", min_score=50)
    client.force_login(learner)
    url = file_url(learner, lesson, activity, "content/content.json")
    assert content_get(client, url).status_code == 200
    response = post_statements(client, lesson, activity, statement(scaled=0.75, success=None))
    assert response.json()["lesson_completed"] is True
    progress = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert progress.best_score == 0.75


def test_a_busy_database_answers_503_so_the_player_sends_again(
    monkeypatch, learner_client, learner, enrolled, h5p_lesson, multichoice
):
    from django.db import OperationalError

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr("h5p.views.record_statements", locked)
    response = post_statements(learner_client, h5p_lesson, multichoice, statement(scaled=1.0))
    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert not Statement.objects.filter(source="h5p").exists()
    assert not LessonProgress.objects.filter(learner=learner, completed_at__isnull=False).exists()


def player_data(response):
    html = response.content.decode()
    return json.loads(html.split('id="h5p-player-data" type="application/json">')[1].split("<")[0])


def test_the_player_preloads_the_learners_own_saved_state_so_reloading_resumes(
    learner_client, client, learner, other_learner, enrolled, h5p_lesson, multichoice, course
):
    from lms import services

    response = content_get(learner_client, play_url(learner, h5p_lesson, multichoice))
    assert "contentUserData" not in player_data(response)["options"]
    assert "no-cache" in response["Cache-Control"]

    content_post(
        learner_client, state_url(learner, h5p_lesson, multichoice), {"data": '{"answers":[1]}'}
    )
    play = content_get(learner_client, play_url(learner, h5p_lesson, multichoice))
    options = player_data(play)["options"]
    assert options["contentUserData"] == {"0": {"state": '{"answers":[1]}'}}

    services.enrol(other_learner, course)
    client.force_login(other_learner)
    assert (
        "contentUserData"
        not in player_data(content_get(client, play_url(other_learner, h5p_lesson, multichoice)))[
            "options"
        ]
    )


def test_a_busy_database_answers_503_to_a_state_save(
    monkeypatch, learner_client, learner, enrolled, h5p_lesson, multichoice
):
    from django.db import OperationalError

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(H5PUserData.objects, "update_or_create", locked)
    url = state_url(learner, h5p_lesson, multichoice)
    response = content_post(learner_client, url, {"data": "{}"})
    assert response.status_code == 503
    assert not H5PUserData.objects.exists()


def test_an_h5p_result_is_recorded_with_its_source(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    post_statements(learner_client, h5p_lesson, multichoice, statement(scaled=1.0))
    progress = LessonProgress.objects.get(learner=learner, item_id=h5p_lesson.lesson_uuid)
    assert progress.completion_source == "h5p"


@pytest.mark.parametrize(
    ("language", "fullscreen", "retry"),
    [
        ("az", "Tam ekran", ":num saniyədən sonra yenidən cəhd ediləcək..."),
        ("ru", "Во весь экран", "Повторная попытка через :num с..."),
        ("en", "Fullscreen", "Retrying in :num...."),
    ],
)
def test_the_players_own_controls_speak_the_learners_language(
    learner_client, learner, enrolled, h5p_lesson, multichoice, language, fullscreen, retry
):
    """H5P core's fullscreen button, rights of use and offline dialog (h5p.l10n)."""
    from django.utils import translation

    with translation.override(language):
        url = play_url(learner, h5p_lesson, multichoice)
    words = player_data(content_get(learner_client, url))["options"]["translations"]["H5P"]
    assert words["fullscreen"] == fullscreen
    assert words["offlineDialogRetryMessage"] == retry
    if language != "en":
        from h5p.l10n import CORE

        with translation.override("en"):
            english = {key: str(text) for key, text in CORE.items()}
        # Every word translated, but the licence numbers that read the same.
        same = [key for key in CORE if words[key] == english[key]]
        assert same == [], same
