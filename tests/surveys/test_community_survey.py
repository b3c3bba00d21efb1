"""The community survey: respondent groups, targets, progress, results by group, export."""

import io
import re

import pytest
from openpyxl import load_workbook

from surveys.models import SurveyFormField, SurveySubmission
from surveys.reports import group_progress, results_by_group
from tests.helpers import exported_file

pytestmark = pytest.mark.django_db


def answer(client, survey, group_name, often="Never", help_with=()):
    group = survey.respondent_groups.get(name=group_name)
    return client.post(
        survey.url,
        {
            "respondent_group": group.pk,
            "how_often_are_you_involved": often,
            "how_could_you_help": list(help_with),
        },
    )


def test_visitors_answer_as_a_respondent_group_and_see_progress(client, survey):
    page = client.get(survey.url).content.decode()
    assert "You answer as" in page and "Teachers: 0 of 2" in page
    response = answer(client, survey, "Teachers", "Every term", ["Materials"])
    assert response.status_code == 200
    assert "Teachers: 1 of 2" in response.content.decode()
    submission = SurveySubmission.objects.get()
    assert submission.group.name == "Teachers"
    assert submission.form_data["respondent_group"] == "Teachers"


@pytest.mark.parametrize(
    "data",
    [
        {"respondent_group": "999", "how_often_are_you_involved": "Never"},
        {"how_often_are_you_involved": "Never"},
        {"respondent_group": "", "how_often_are_you_involved": "Sometimes"},
    ],
    ids=["unknown-group", "no-group", "bad-choice"],
)
def test_bad_answers_are_refused_and_nothing_is_stored(client, survey, data):
    response = client.post(survey.url, data)
    assert response.status_code == 200
    assert "Please answer the questions marked below." in response.content.decode()
    assert not SurveySubmission.objects.exists()


def test_results_are_counted_per_group(client, survey):
    answer(client, survey, "Teachers", "Never", ["Volunteering"])
    answer(client, survey, "Teachers", "Every term", ["Volunteering", "Materials"])
    answer(client, survey, "Parents", "Never")
    groups, results = results_by_group(survey)
    assert [(g.name, g.n, g.percent, g.reached) for g in groups] == [
        ("Teachers", 2, 100, True),
        ("Parents", 1, 25, False),
    ]
    often = {row["answer"]: row["counts"] for row in results[0]["rows"]}
    assert often == {"Never": [1, 1], "Every term": [1, 0]}
    helping = {row["answer"]: row["total"] for row in results[1]["rows"]}
    assert helping == {"Volunteering": 2, "Materials": 1}


def test_editors_see_results_and_export_them(admin_client, client, survey):
    answer(client, survey, "Parents", "Every term")
    content = admin_client.get(f"/admin/surveys/community/{survey.pk}/").content.decode()
    assert "<svg" in content and "Parents: 1 / 4" in content
    url = f"/admin/surveys/community/{survey.pk}/"
    csv = exported_file(admin_client, url, {"export": "csv"}).decode("utf-8-sig")
    assert "Respondents,,0,1,1" in csv
    assert "How often are you involved?,Every term,0,1,1" in csv
    sheet = load_workbook(io.BytesIO(exported_file(admin_client, url, {"export": "xlsx"}))).active
    respondents = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Respondents")
    assert respondents[2:] == (0, 1, 1)


def test_people_who_cannot_edit_the_survey_cannot_see_results(client, learner, survey):
    client.force_login(learner)
    response = client.get(f"/admin/surveys/community/{survey.pk}/")
    assert response.status_code in (302, 403, 404)


def test_results_cost_the_same_with_many_answers(
    admin_client, client, survey, django_assert_max_num_queries
):
    answer(client, survey, "Teachers")
    admin_client.get(f"/admin/surveys/community/{survey.pk}/")
    with django_assert_max_num_queries(16):
        admin_client.get(f"/admin/surveys/community/{survey.pk}/")
    for _index in range(25):
        answer(client, survey, "Parents", "Every term", ["Materials"])
    with django_assert_max_num_queries(16):
        admin_client.get(f"/admin/surveys/community/{survey.pk}/")
    assert group_progress(survey)[1].n == 25


def test_every_error_and_help_text_is_tied_to_its_field(client, survey):
    """Each id a field's aria-describedby names is on the page (errors read with the field)."""
    SurveyFormField.objects.create(
        page=survey,
        label="Your suggestion",
        field_type="singleline",
        required=True,
        help_text="One idea is enough.",
        sort_order=2,
    )
    survey.save_revision().publish()
    page = client.post(survey.url, {"how_often_are_you_involved": "Never"}).content.decode()
    assert "Please answer the questions marked below." in page
    named = {
        name for value in re.findall(r'aria-describedby="([^"]+)"', page) for name in value.split()
    }
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    assert {"id_your_suggestion_error", "id_your_suggestion_helptext"} <= named
    assert named <= ids, f"named but missing: {named - ids}"
