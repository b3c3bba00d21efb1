"""A teacher on a phone takes a quiz lesson: no "Mark as complete", a failed first attempt
shows right/wrong and feedback but not the right answer, a pass shows it and links the
certificate, which opens for that teacher and for no other learner."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from lms import services
from lms.models import Certificate, CompletionRule, Verb
from quizzes.factories import QuestionFactory
from tests.helpers import sign_in, site_home
from tests.quizzes.conftest import quiz_value

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world(live_server):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    reading = LessonPageFactory(parent=module, title="Rights in school", slug="rights-in-school")
    question = QuestionFactory(
        kind="single",
        prompt="Which article of the Convention is about education?",
        options=[("Article 9", False), ("Article 24", True), ("Article 30", False)],
        feedback_incorrect="Look for the article on education.",
        feedback_correct="Yes: the article on education.",
    )
    quiz = LessonPageFactory(
        parent=module,
        title="Final quiz",
        slug="final-quiz",
        completion_rule=CompletionRule.ON_PASS,
        body=[
            {
                "type": "quiz",
                "value": quiz_value([question], shuffle_options=False, attempts_allowed=2),
            }
        ],
    )
    practice = LessonPageFactory(
        parent=module,
        title="Practice quiz",
        slug="practice-quiz",
        completion_rule=CompletionRule.ON_READ,
        required=False,
        body=[{"type": "quiz", "value": quiz_value([question], title="Practice")}],
    )
    course.final_assessment = quiz
    course.save_revision().publish()
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    services.record_learning(teacher, reading.lesson_uuid, Verb.MARKED_COMPLETE)
    other = UserFactory(username="other")
    return {"quiz": quiz, "practice": practice, "teacher": teacher, "other": other}


def test_a_quiz_lesson_reviews_by_its_options_and_links_the_certificate(
    page, live_server, world, screenshot, axe
):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, world["teacher"])
    page.goto(live_server.url + world["quiz"].url)
    expect(page.get_by_text("Pass the assessment above to complete this lesson.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as complete")).to_be_hidden()

    page.get_by_role("button", name="Start the quiz").click()
    for option in ("Article 9", "Article 24", "Article 30"):
        expect(page.get_by_label(option)).to_be_visible()
        expect(page.get_by_label(option)).not_to_be_checked()
    page.get_by_label("Article 9").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("Not passed yet.")).to_be_visible()
    expect(page.get_by_text("Wrong", exact=True)).to_be_visible()
    expect(page.get_by_text("Look for the article on education.")).to_be_visible()
    expect(page.get_by_text("Article 24")).to_be_hidden()
    expect(page.get_by_text("Right answer:")).to_be_hidden()
    screenshot("quiz-failed-attempt-phone")
    assert axe() == [], "result of a failed attempt"

    page.get_by_role("link", name="Back to the lesson to try again").click()
    page.get_by_role("button", name="Try again").click()
    page.get_by_label("Article 24").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("Passed.")).to_be_visible()
    expect(page.get_by_text("Right answer: Article 24")).to_be_visible()
    certificate = Certificate.objects.get(learner=world["teacher"])
    links = page.get_by_role("link", name="Download your certificate (PDF)")
    expect(links).to_have_count(2)  # in the congratulations and on the result
    for index in range(2):
        expect(links.nth(index)).to_be_visible()
        expect(links.nth(index)).to_have_attribute("href", certificate.get_pdf_url())
    screenshot("quiz-passed-certificate-phone")
    assert axe() == [], "result of the passing attempt"
    with page.expect_download() as download:
        page.locator("#certificate-ready").get_by_role("link").click()
    assert download.value.suggested_filename == f"certificate-{certificate.code}.pdf"

    page.context.clear_cookies()
    sign_in(page, live_server, world["other"])
    response = page.goto(live_server.url + certificate.get_pdf_url())
    assert response.status == 404


def test_a_practice_quiz_lesson_offers_no_mark_as_complete_and_its_attempt_completes_it(
    page, live_server, world
):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, world["teacher"])
    page.goto(live_server.url + world["practice"].url)
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as complete")).to_be_hidden()
    expect(page.get_by_text("Finish the activity above to complete this lesson.")).to_be_visible()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("Article 30").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("Not passed yet.")).to_be_visible()
    page.get_by_role("link", name="Back to the lesson").click()
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
