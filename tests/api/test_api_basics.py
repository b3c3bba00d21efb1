"""The API's frame: schema, docs under the site's CSP, tokens, error bodies, courses."""

import pytest
from django.urls import reverse

from lms.models import Enrolment, LessonProgress

pytestmark = pytest.mark.django_db


def test_the_schema_documents_only_the_v1_api(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/xapi/statements" in paths
    assert "/api/v1/courses/{id}/" in paths
    assert all(path.startswith("/api/v1/") for path in paths)


@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_docs_load_from_our_own_static_files_under_the_site_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower() and "//unpkg" not in html
    assert "/static/drf_spectacular_sidecar/" in html
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    assert "<script>" not in html.split("</head>")[0] or url.endswith("redoc/")


def test_the_swagger_init_script_is_served_as_javascript_not_inline(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert "?script=" in page or "&script=" in page
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()


def test_a_site_page_keeps_the_strict_policy(client, course):
    policy = client.get(course.url).headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy


def test_a_token_is_given_for_a_right_password_only(client, learner):
    learner.set_password("s3cret-pass")
    learner.save()
    url = reverse("api:token")
    assert client.post(url, {"username": "aysel", "password": "wrong"}).status_code == 400
    response = client.post(url, {"username": "aysel", "password": "s3cret-pass"})
    assert response.status_code == 200
    token = response.json()["token"]
    me = client.get("/api/v1/enrolments/", HTTP_AUTHORIZATION=f"Token {token}")
    assert me.status_code == 200


def test_token_requests_are_throttled(client, learner):
    url = reverse("api:token")
    codes = [
        client.post(url, {"username": "aysel", "password": "x"}).status_code for _ in range(12)
    ]
    assert codes[:10] == [400] * 10
    assert codes[-1] == 429


def test_session_writes_need_the_csrf_token(learner, course):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(
        "/api/v1/enrolments/", {"course": course.pk}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Enrolment.objects.filter(learner=learner).exists()


def test_a_bad_body_gets_field_errors_in_one_shape(world, api):
    client = api(world["users"]["learner"])
    lesson = world["lessons"][0]
    response = client.post(
        f"/api/v1/progress/lessons/{lesson.lesson_uuid}/",
        {"progress": 0.5, "progress_delta": 0.1},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert "progress_delta" in body["errors"]
    assert not LessonProgress.objects.filter(item_id=lesson.lesson_uuid).exists()


def test_courses_list_shows_live_public_courses_with_filters(world, api, catalogue):
    from courses.factories import CoursePageFactory

    draft = CoursePageFactory(parent=catalogue, title="Draft course", slug="draft")
    draft.unpublish()
    client = api(None)
    titles = [c["title"] for c in client.get("/api/v1/courses/").json()["results"]]
    assert titles == ["Inclusive classrooms"]
    course = world["course"]
    filtered = client.get("/api/v1/courses/", {"audience": course.audience}).json()
    assert filtered["count"] == 1
    assert client.get("/api/v1/courses/", {"programme": "no-such-programme"}).json()["count"] == 0
    bad = client.get("/api/v1/courses/", {"audience": "not-an-audience"})
    assert bad.status_code == 400 and "audience" in bad.json()["errors"]
    assert client.get(f"/api/v1/courses/{draft.pk}/").status_code == 404


def test_a_course_detail_gives_the_outline_with_lesson_uuids(world, api):
    course = world["course"]
    body = api(None).get(f"/api/v1/courses/{course.pk}/").json()
    assert [m["title"] for m in body["modules"]] == ["Rights", "Practice"]
    uuids = [lesson["uuid"] for m in body["modules"] for lesson in m["lessons"]]
    assert uuids == [str(lesson.lesson_uuid) for lesson in world["lessons"]]


def test_enrolling_goes_through_the_service_and_is_idempotent(course, learner, api):
    client = api(learner)
    first = client.post("/api/v1/enrolments/", {"course": course.pk}, format="json")
    assert first.status_code == 201
    again = client.post("/api/v1/enrolments/", {"course": course.pk}, format="json")
    assert again.status_code == 200
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert client.post("/api/v1/enrolments/", {"course": 999999}, format="json").status_code == 400


def test_enrolling_respects_prerequisites(course, catalogue, learner, api):
    from courses.factories import open_course

    advanced = open_course(parent=catalogue, title="Advanced", slug="advanced")
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    response = api(learner).post("/api/v1/enrolments/", {"course": advanced.pk}, format="json")
    assert response.status_code == 403
    assert response.json()["required"] == [course.pk]
    assert not Enrolment.objects.filter(learner=learner, course=advanced).exists()


def test_progress_is_recorded_once_per_idempotency_key(world, api):
    learner = world["users"]["learner"]
    lesson = world["lessons"][0]
    client = api(learner)
    url = f"/api/v1/progress/lessons/{lesson.lesson_uuid}/"
    for _ in range(2):
        response = client.post(
            url, {"progress_delta": 0.25}, format="json", HTTP_IDEMPOTENCY_KEY="k-1"
        )
        assert response.status_code == 200
    assert response.json()["duplicate"] is True
    record = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    assert record.progress == 0.25
    read = client.get(url).json()
    assert read["progress"] == 0.25
    listed = client.get("/api/v1/progress/", {"course": world["course"].pk}).json()
    assert [r["lesson"] for r in listed["results"]] == [str(lesson.lesson_uuid)]


def test_progress_on_a_course_not_enrolled_in_is_refused(course, lessons, learner, api):
    url = f"/api/v1/progress/lessons/{lessons[0].lesson_uuid}/"
    response = api(learner).post(url, {"progress": 0.5}, format="json")
    assert response.status_code == 403
    assert not LessonProgress.objects.exists()


@pytest.mark.parametrize("pk", ["99999999999999999999999", "-5", "9223372036854775808"])
@pytest.mark.parametrize("resource", ["courses", "cohorts", "library/materials", "enrolments"])
def test_ids_no_database_can_hold_are_404_not_errors(admin_client, resource, pk):
    response = admin_client.get(f"/api/v1/{resource}/{pk}/")
    assert response.status_code == 404


def test_a_course_url_is_the_page_a_browser_opens(world, api, client):
    """The list and the detail give the course page's public address, not its tree path."""
    course = world["course"]
    listed = api(None).get("/api/v1/courses/").json()["results"][0]["url"]
    detail = api(None).get(f"/api/v1/courses/{course.pk}/").json()["url"]
    assert listed == detail
    assert detail.startswith("http") and "/home/" not in detail
    page = client.get(detail)
    assert page.status_code == 200
    assert course.title in page.content.decode()


def test_the_api_root_lists_its_resources_the_schema_and_the_docs(api):
    response = api(None).get("/api/v1/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["schema"].endswith("/api/v1/schema/")
    assert body["docs"].endswith("/api/v1/docs/")
    resources = body["resources"]
    for name, path in {
        "courses": "/api/v1/courses/",
        "enrolments": "/api/v1/enrolments/",
        "library/materials": "/api/v1/library/materials/",
        "xapi-statements": "/api/v1/xapi/statements",
        "auth-token": "/api/v1/auth/token/",
    }.items():
        assert resources[name].endswith(path), name
    # Every address it names answers (the protected ones ask for credentials).
    for url in resources.values():
        status = api(None).get(url).status_code
        assert status in (200, 401, 405), (url, status)
    # Without a slash it still arrives, and an unknown address stays a JSON 404.
    assert api(None).get("/api/v1").status_code == 301
    missing = api(None).get("/api/v1/no-such-thing/")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}
