"""Course evaluations: once per learner after completion, anonymous to trainers, as aggregates."""

import io

import pytest
from openpyxl import load_workbook

from surveys.models import EvaluationReceipt, EvaluationResponse
from tests.helpers import exported_file

from .conftest import GOOD, complete_course

pytestmark = pytest.mark.django_db


def evaluate_url(course):
    return f"/surveys/courses/{course.pk}/evaluate/"


def report_url(course, query=""):
    return f"/admin/surveys/evaluations/{course.pk}/{query}"


def answer_all(client, learners, course, **changes):
    for learner in learners:
        client.force_login(learner)
        assert client.post(evaluate_url(course), {**GOOD, **changes}).status_code == 302


def test_a_learner_who_completed_the_course_is_invited_and_answers_once(client, graduates, course):
    learner = graduates[0]
    client.force_login(learner)
    assert "Evaluate the course" in client.get(course.url).content.decode()
    assert client.get(evaluate_url(course)).status_code == 200
    client.post(evaluate_url(course), GOOD)
    response = EvaluationResponse.objects.get()
    assert (response.relevance, response.would_recommend, response.cohort.name) == (
        5,
        True,
        "Guba 2026",
    )
    assert response.month.day == 1
    assert "Thank you for evaluating" in client.get(course.url).content.decode()
    client.post(evaluate_url(course), {**GOOD, "overall": "1"})
    assert EvaluationResponse.objects.count() == 1
    assert EvaluationReceipt.objects.filter(learner=learner, course=course).count() == 1


def test_answers_are_stored_without_the_learner(graduates, course, client):
    field_names = {field.name for field in EvaluationResponse._meta.get_fields()}
    assert not field_names & {"learner", "user", "submitted_at", "created_at"}
    assert {field.name for field in EvaluationReceipt._meta.get_fields()} >= {"learner", "course"}
    assert not {f.name for f in EvaluationReceipt._meta.get_fields()} & {"response", "created_at"}


def test_a_learner_who_has_not_completed_cannot_evaluate(learner_client, enrolled, course):
    response = learner_client.post(evaluate_url(course), GOOD)
    assert response.status_code == 302
    assert not EvaluationResponse.objects.exists()
    assert "evaluation-prompt" not in learner_client.get(course.url).content.decode()


def test_anonymous_visitors_cannot_post_an_evaluation(client, course):
    response = client.post(evaluate_url(course), GOOD)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not EvaluationResponse.objects.exists() and not EvaluationReceipt.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"relevance": "9"}, {"clarity": ""}, {"would_recommend": "maybe"}, {"comment": "x" * 2001}],
    ids=["out-of-scale", "missing", "bad-choice", "long-comment"],
)
def test_bad_answers_are_refused_and_nothing_is_stored(client, graduates, course, changes):
    client.force_login(graduates[0])
    response = client.post(evaluate_url(course), {**GOOD, **changes})
    assert response.status_code == 200
    assert "Please answer the questions marked below." in response.content.decode()
    assert not EvaluationResponse.objects.exists() and not EvaluationReceipt.objects.exists()


def test_trainers_see_aggregates_and_comments_never_who_answered(
    client, graduates, trainer, course
):
    answer_all(client, graduates[:3], course)
    client.force_login(trainer)
    content = client.get(report_url(course)).content.decode()
    assert "3 answers" in content
    assert "<svg" in content and "Strongly agree" in content
    assert "More village examples." in content
    for learner in graduates:
        assert learner.username not in content
        assert learner.get_full_name() not in content


def test_fewer_answers_than_the_minimum_are_not_shown(client, graduates, trainer, course):
    answer_all(client, graduates[:2], course)
    client.force_login(trainer)
    content = client.get(report_url(course)).content.decode()
    assert "Results are shown once at least 3 learners have answered" in content
    assert "More village examples." not in content
    response = client.get(report_url(course, "?export=csv"))
    assert response.status_code in (302, 403)
    assert "text/csv" not in response["Content-Type"]


def test_a_trainer_cannot_read_another_trainers_course(client, graduates, course, catalogue):
    from django.contrib.auth.models import Group

    from accounts.factories import UserFactory
    from courses.roles import TRAINERS, ensure_authoring_roles

    answer_all(client, graduates[:3], course)
    ensure_authoring_roles(catalogue)
    stranger = UserFactory(username="stranger")
    stranger.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(stranger)
    assert client.get(report_url(course)).status_code == 404
    assert "Inclusive classrooms" not in client.get("/admin/surveys/evaluations/").content.decode()


def test_learners_cannot_open_the_reports(client, graduates, course):
    client.force_login(graduates[0])
    response = client.get(report_url(course))
    assert response.status_code in (302, 403)


def test_the_per_cohort_report_and_export_read_the_same_numbers(
    client, graduates, trainer, course, cohort
):
    answer_all(client, graduates, course, overall="4")
    client.force_login(trainer)
    assert "Guba 2026" in client.get(report_url(course)).content.decode()
    content = client.get(report_url(course, f"?cohort={cohort.pk}")).content.decode()
    assert "Cohort: Guba 2026" in content and "4 answers" in content
    content = exported_file(client, report_url(course), {"cohort": cohort.pk, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(content)).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert rows["Overall, I am satisfied with the course."] == 4
    assert rows["Answers"] == 4
    assert client.get(report_url(course, "?cohort=nonsense")).status_code == 404


def test_report_pages_cost_the_same_with_many_answers(
    client, graduates, trainer, course, django_assert_max_num_queries
):
    answer_all(client, graduates[:3], course)
    client.force_login(trainer)
    client.get(report_url(course))
    with django_assert_max_num_queries(20):
        assert client.get(report_url(course)).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get("/admin/surveys/evaluations/").status_code == 200
    for index in range(20):
        learner = __import__("accounts.factories").factories.UserFactory(username=f"extra{index}")
        complete_course(learner, course)
        client.force_login(learner)
        client.post(evaluate_url(course), GOOD)
    client.force_login(trainer)
    with django_assert_max_num_queries(20):
        assert client.get(report_url(course)).status_code == 200
