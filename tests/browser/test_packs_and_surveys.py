"""A teacher fills in an individual education plan and downloads it, then evaluates the course;
a visitor answers the community survey. Every page passes axe-core's WCAG 2.2 AA rules."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from lms import services
from modules.inclusive_ed.blocks import DEFAULT_IEP_SECTIONS
from modules.inclusive_ed.models import LearnerWork
from surveys.models import (
    CommunitySurveyPage,
    EvaluationResponse,
    RespondentGroup,
    SurveyFormField,
    SurveySubmission,
)
from tests.helpers import sign_in, site_home

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(live_server):
    home = site_home()
    catalogue = CatalogueIndexPageFactory(parent=home, slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Plans", slug="plans")
    lesson = LessonPageFactory(
        parent=module,
        title="Individual education plans",
        slug="iep",
        body=[
            {"type": "paragraph", "value": "<p>Every child can have a plan.</p>"},
            {
                "type": "iep_template",
                "value": {"title": "Your plan", "intro": "", "sections": DEFAULT_IEP_SECTIONS},
            },
            {
                "type": "adaptation_checklist",
                "value": {"title": "Checklist", "intro": "", "items": ["Large print", "A partner"]},
            },
            {
                "type": "case_study",
                "value": {
                    "title": "Nigar",
                    "story": "<p>Nigar's mother does not come to school.</p>",
                    "reflection_prompt": "What would you do first?",
                },
            },
        ],
    )
    teacher = UserFactory(username="teacher", first_name="Aysel", last_name="Mammadova")
    services.enrol(teacher, course)
    survey = CommunitySurveyPage(title="School and community", slug="community-survey")
    survey.respondent_groups = [
        RespondentGroup(name="Teachers", target=50, sort_order=0),
        RespondentGroup(name="Parents", target=100, sort_order=1),
    ]
    survey.form_fields = [
        SurveyFormField(
            label="How often are you involved?",
            field_type="radio",
            choices="Never\nEvery term",
            required=True,
        ),
        SurveyFormField(label="Your suggestion", field_type="multiline", required=False),
    ]
    home.add_child(instance=survey)
    survey.save_revision().publish()
    return {"course": course, "lesson": lesson, "teacher": teacher, "survey": survey}


def test_a_teacher_fills_in_an_iep_downloads_it_and_evaluates_the_course(
    page, live_server, world, axe, screenshot
):
    teacher, lesson, course = world["teacher"], world["lesson"], world["course"]
    sign_in(page, live_server, teacher)
    page.goto(live_server.url + lesson.url)
    assert axe() == [], "lesson with the pack's blocks"
    page.get_by_label("About the learner").fill("R.M., 9 yaş, 3-cü sinif; şəkil çəkməyi sevir")
    page.get_by_label("Goals for this term").fill("Reads 20 words by May")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your work is saved.")).to_be_visible()
    expect(page.get_by_label("Goals for this term")).to_have_value("Reads 20 words by May")
    assert axe() == [], "lesson after saving"
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    pdf = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "şəkil çəkməyi sevir" in text
    screenshot("iep-saved")

    page.get_by_label("What would you do first?").fill("Phone her after work.")
    page.get_by_role("button", name="Save my reflection").click()
    expect(page.get_by_label("What would you do first?")).to_have_value("Phone her after work.")
    assert LearnerWork.objects.filter(learner=teacher).count() == 2

    registrar = UserFactory(username="registrar")
    services.complete_for_learner(teacher, course, decided_by=registrar, reason="Browser test")
    page.goto(live_server.url + course.url)
    page.get_by_role("link", name="Evaluate the course").click()
    expect(page.get_by_role("button", name="Send my evaluation")).to_be_visible()
    assert axe() == [], "evaluation form"
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.get_by_text("Please answer the questions marked below.")).to_be_visible()
    assert axe() == [], "evaluation form with errors"
    for fieldset in page.locator("fieldset.rating").all():
        fieldset.get_by_label("Agree", exact=True).check()
    page.get_by_role("group", name="Would you recommend").get_by_label("Yes").check()
    page.get_by_label("What could make this course better?").fill("More village examples.")
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.get_by_text("Thank you for evaluating this course.")).to_be_visible()
    response = EvaluationResponse.objects.get()
    assert response.overall == 4 and response.would_recommend


def test_a_parent_answers_the_community_survey(page, live_server, world, axe):
    page.goto(live_server.url + world["survey"].url)
    expect(page.get_by_text("Parents: 0 of 100")).to_be_visible()
    assert axe() == [], "community survey"
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Please answer the questions marked below.")).to_be_visible()
    assert axe() == [], "community survey with errors"
    page.get_by_role("group", name="You answer as").get_by_label("Parents").check()
    page.get_by_label("Every term").check()
    page.get_by_label("Your suggestion").fill("Open the library on Saturdays.")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Parents: 1 of 100")).to_be_visible()
    assert axe() == [], "thank-you page"
    assert SurveySubmission.objects.get().group.name == "Parents"
