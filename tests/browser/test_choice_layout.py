"""On a 390 px phone every radio button and checkbox of the course evaluation and the
community survey sits beside its label, and none starts checked; the site's other
forms' radios and checkboxes (the library's filter, the desk's form) sit beside theirs."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from library.factories import CentreFactory, CentreStaffFactory
from lms import services
from surveys.models import CommunitySurveyPage, RespondentGroup, SurveyFormField
from tests.helpers import sign_in, site_home

# What pages look like, which no database changes: the SQLite run judges it (.ci/run).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.presentation]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world(live_server):
    home = site_home()
    catalogue = CatalogueIndexPageFactory(parent=home, slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Plans", slug="plans")
    LessonPageFactory(parent=module, title="Plans for every child", slug="plans-lesson")
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    registrar = UserFactory(username="registrar")
    services.complete_for_learner(teacher, course, decided_by=registrar, reason="Browser test")
    survey = CommunitySurveyPage(title="School and community", slug="community-survey")
    survey.respondent_groups = [
        RespondentGroup(name="Teachers", target=50, sort_order=0),
        RespondentGroup(name="Parents", target=100, sort_order=1),
    ]
    # Every kind of question with choices, each with a default an editor might set.
    survey.form_fields = [
        SurveyFormField(
            label="How often are you involved?",
            field_type="radio",
            choices="Never\nEvery term",
            default_value="Never",
            required=True,
        ),
        SurveyFormField(
            label="How would you rate relations?",
            field_type="dropdown",
            choices="Poor\nFair\nGood",
            default_value="Poor",
            required=True,
        ),
        SurveyFormField(
            label="How could you help?",
            field_type="checkboxes",
            choices="Volunteering\nMoney or materials",
            default_value="Volunteering",
            required=False,
        ),
        SurveyFormField(
            label="May we write to you?", field_type="checkbox", default_value="on", required=False
        ),
    ]
    home.add_child(instance=survey)
    survey.save_revision().publish()
    return {"course": course, "teacher": teacher, "survey": survey}


# The boxes of an input and of its label's text (a label may wrap its input, as Django's do).
BOXES = """input => {
    const label = document.querySelector(`label[for="${input.id}"]`);
    const text = [...label.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
    const range = document.createRange();
    range.selectNodeContents(text || label);
    const box = r => ({x: r.x, y: r.y, width: r.width, height: r.height});
    return [box(input.getBoundingClientRect()), box(range.getBoundingClientRect())];
}"""


def assert_choices_beside_labels(page, form, *, unchecked=True):
    choices = page.locator(f"{form} input[type=radio], {form} input[type=checkbox]")
    assert choices.count() > 0
    for index in range(choices.count()):
        choice = choices.nth(index)
        name = choice.get_attribute("id")
        expect(choice).to_be_visible()
        if unchecked:
            expect(choice).not_to_be_checked()
        expect(page.locator(f"label[for='{name}']")).to_be_visible()
        box, text = choice.evaluate(BOXES)
        assert box["width"] < 40, f"{name} is stretched: {box}"
        # On one line: the label's text starts right of the input and their heights overlap.
        assert text["x"] >= box["x"] + box["width"], (name, box, text)
        assert text["y"] < box["y"] + box["height"] and box["y"] < text["y"] + text["height"]


def test_evaluation_radios_sit_beside_their_labels_on_a_phone_and_none_is_checked(
    page, live_server, world, screenshot, axe
):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, world["teacher"])
    page.goto(f"{live_server.url}/surveys/courses/{world['course'].pk}/evaluate/")
    expect(page.get_by_role("button", name="Send my evaluation")).to_be_visible()
    assert_choices_beside_labels(page, "form.evaluation-form")
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.get_by_text("Please answer the questions marked below.")).to_be_visible()
    overall = page.get_by_role("group", name="Overall, I am satisfied with the course.")
    expect(overall.get_by_text("This field is required.")).to_be_visible()
    assert_choices_beside_labels(page, "form.evaluation-form")
    screenshot("evaluation-form-390")
    assert axe() == [], "evaluation form with an error"


def test_survey_choices_sit_beside_their_labels_on_a_phone_and_none_is_chosen(
    page, live_server, world, screenshot, axe
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + world["survey"].url)
    expect(page.get_by_role("button", name="Send my answers")).to_be_visible()
    assert_choices_beside_labels(page, "form.survey-form")
    expect(page.get_by_label("How would you rate relations?")).to_have_value("")
    page.get_by_role("group", name="You answer as").get_by_label("Parents").check()
    page.get_by_label("Every term").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Please answer the questions marked below.")).to_be_visible()
    expect(page.locator("#id_how_would_you_rate_relations_error")).to_be_visible()
    screenshot("community-survey-390")
    assert axe() == [], "community survey with an error"


def test_the_librarys_checkbox_and_the_desks_radios_sit_beside_their_labels_on_a_phone(
    page, live_server
):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/library/")
    # On a phone the catalogue's other filters fold under "More filters" (item 6).
    page.get_by_text("More filters").click()
    expect(page.get_by_label("Only with a copy free now")).to_be_visible()
    assert_choices_beside_labels(page, "main form")
    centre = CentreFactory(code="bak1", name="Baku resource centre 1")
    staff = CentreStaffFactory(centre=centre, user=UserFactory(username="centre")).user
    sign_in(page, live_server, staff)
    page.goto(f"{live_server.url}/library/desk/{centre.code}/lost/")
    expect(page.get_by_label("Lost")).to_be_visible()
    # "Lost" is the desk's deliberate default: only the layout is checked here.
    assert_choices_beside_labels(page, "main form", unchecked=False)
