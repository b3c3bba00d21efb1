"""No survey question starts answered; a skipped required choice is an error beside it."""

import re

import pytest

from surveys.evaluation import RATING_QUESTIONS
from surveys.models import EvaluationReceipt, EvaluationResponse, SurveyFormField, SurveySubmission

from .conftest import GOOD

pytestmark = pytest.mark.django_db

# Every field type of the form builder that renders choices, each with an editor's default.
CHOICE_QUESTIONS = [
    ("dropdown", "How are relations?", "Poor\nFair\nGood"),
    ("radio", "How often are you asked?", "Never\nOften"),
    ("checkboxes", "How could you help?", "Volunteering\nMaterials"),
    ("multiselect", "Which days suit you?", "Monday\nFriday"),
    ("checkbox", "May we write to you?", ""),
]


def evaluate_url(course):
    return f"/surveys/courses/{course.pk}/evaluate/"


def checked_or_selected(html):
    """Every checked input and every selected option that is a real choice, in the form."""
    html = re.search(r'<form[^>]*class="(?:evaluation|survey)-form".*?</form>', html, re.S)[0]
    checked = re.findall(r"<input[^>]*\bchecked\b[^>]*>", html)
    selected = [
        option
        for option in re.findall(r"<option[^>]*\bselected\b[^>]*>", html)
        if 'value=""' not in option
    ]
    return checked + selected


@pytest.fixture
def every_choice_survey(survey):
    for index, (kind, label, choices) in enumerate(CHOICE_QUESTIONS, start=10):
        SurveyFormField.objects.create(
            page=survey,
            label=label,
            field_type=kind,
            choices=choices,
            default_value=choices.split("\n")[0] if choices else "on",
            required=kind in ("dropdown", "radio"),
            sort_order=index,
        )
    survey.save_revision().publish()
    return survey


def test_the_evaluation_form_starts_with_no_rating_chosen(client, graduates, course):
    client.force_login(graduates[0])
    page = client.get(evaluate_url(course)).content.decode()
    assert page.count('type="radio"') == 5 * len(RATING_QUESTIONS) + 2
    assert checked_or_selected(page) == []


@pytest.mark.parametrize("skipped", [name for name, _label in RATING_QUESTIONS])
def test_a_skipped_rating_is_an_error_beside_it_and_nothing_is_saved(
    client, graduates, course, skipped
):
    client.force_login(graduates[0])
    answers = {name: value for name, value in GOOD.items() if name != skipped}
    response = client.post(evaluate_url(course), answers)
    assert response.status_code == 200
    page = response.content.decode()
    fieldset = re.search(
        rf'<fieldset[^>]*aria-describedby="id_{skipped}-error"[^>]*>(.*?)</fieldset>', page, re.S
    )
    assert fieldset, "the error is tied to the skipped question"
    assert "This field is required." in fieldset.group(1)
    assert not EvaluationResponse.objects.exists() and not EvaluationReceipt.objects.exists()


def test_a_survey_question_with_choices_starts_unanswered_whatever_its_default(
    client, every_choice_survey
):
    page = client.get(every_choice_survey.url).content.decode()
    assert checked_or_selected(page) == []
    assert re.search(r'<option value="" selected>Choose…</option>', page)


def test_a_required_dropdown_left_on_choose_is_an_error_not_its_first_choice(
    client, every_choice_survey
):
    group = every_choice_survey.respondent_groups.first()
    response = client.post(
        every_choice_survey.url,
        {
            "respondent_group": group.pk,
            "how_often_are_you_involved": "Never",
            "how_often_are_you_asked": "Never",
            "how_are_relations": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please answer the questions marked below." in page
    assert re.search(r'id="id_how_are_relations_error">This field is required.', page)
    assert not SurveySubmission.objects.exists()


def test_a_skipped_required_radio_question_is_an_error_beside_it(client, every_choice_survey):
    group = every_choice_survey.respondent_groups.first()
    response = client.post(
        every_choice_survey.url,
        {
            "respondent_group": group.pk,
            "how_often_are_you_involved": "Never",
            "how_are_relations": "Fair",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    fieldset = re.search(
        r'<fieldset[^>]*aria-describedby="id_how_often_are_you_asked-error"[^>]*>(.*?)</fieldset>',
        page,
        re.S,
    )
    assert fieldset and "This field is required." in fieldset.group(1)
    assert not SurveySubmission.objects.exists()
