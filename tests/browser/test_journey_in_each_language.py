"""The acceptance journey of Azerbaijani first: sign-up to certificate in az and in ru.

A teacher whose browser asks for Azerbaijani (or Russian) opens the demo site
(``seed_demo``: its content translated through wagtail-localize), creates an
account, enrols in "Inclusive education in practice", reads every lesson to its
end, passes the final quiz, downloads the certificate and checks it online. The
browser guards (tests/browser/conftest.py) then open every page the teacher saw
again and fail on English with a translation in the page's language, axe
findings and sideways scrolling; the screenshots of each page at 390 px land in
test-artifacts/screenshots/<test>/, kept by CI, with a picture of each step.

Every name the test looks for is the catalogue's translation, so the test reads
the page as the teacher does, not the English source.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from pypdf import PdfReader

from courses.models import CoursePage
from lms.models import Attempt, Certificate, District, Enrolment
from tests.quizzes.test_taking_a_quiz import right_answers

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.presentation]

PHONE = {"width": 390, "height": 844}
COURSE = "inclusive-education-in-practice"
PASSWORD = "a-long-and-unusual-passphrase"
# Letters only Azerbaijani (of the three) writes, and Cyrillic.
AZERBAIJANI = re.compile("[əƏçÇşŞğĞıİöÖüÜ]")
CYRILLIC = re.compile("[а-яА-ЯёЁ]")


@pytest.fixture(params=["az", "ru"])
def language(request):
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args, language):
    """The browser asks for the language as a teacher's phone would (Accept-Language)."""
    regional = {"az": "az-AZ", "ru": "ru-RU"}[language]
    return {**browser_context_args, "locale": regional}


@pytest.fixture
def demo_site(live_server):
    """The demo's content in three languages, without the demo's learners."""
    call_command("seed_demo", no_users=True, learners=0, stdout=io.StringIO())


def in_language(language):
    def say(message):
        with translation.override(language):
            return gettext(message)

    return say


def test_a_teacher_goes_from_sign_up_to_certificate_without_english(
    page, live_server, demo_site, language, screenshot
):
    _ = in_language(language)
    letters = AZERBAIJANI if language == "az" else CYRILLIC
    course = CoursePage.objects.live().get(slug=COURSE, locale__language_code=language)
    lessons = list(course.get_lessons())
    with translation.override(language):
        district = District.objects.get(slug="guba").name
    shot = f"journey-{language}"

    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    screenshot(f"{shot}/01-home")

    def field(label):
        return page.get_by_label(f"{label}:", exact=True)

    # Sign up, from the menu a phone shows.
    page.get_by_role("button", name=_("Menu")).click()
    page.get_by_role("link", name=_("Create account")).click()
    field(_("Username")).fill(f"muellim-{language}")
    field(_("First name")).fill("Nigar")
    field(_("Last name")).fill("Kərimova")
    field(_("Email")).fill(f"nigar-{language}@example.org")
    field(_("I am a")).select_option("teacher")
    field(_("District or city where you work or study")).select_option(label=district)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    screenshot(f"{shot}/02-sign-up")
    page.locator("main").get_by_role("button", name=_("Create account")).click()
    expect(page.get_by_role("heading", name=_("My learning"))).to_be_visible()

    # The course, found in the catalogue under its own language's title.
    page.get_by_role("button", name=_("Menu")).click()
    page.get_by_role("link", name=_("Courses")).first.click()
    page.get_by_role("link", name=course.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    assert letters.search(course.title), course.title
    screenshot(f"{shot}/03-course")
    page.get_by_role("button", name=_("Enrol in this course")).click()

    # Every lesson read to its end; the next one opened from the lesson's own link.
    for number, lesson in enumerate(lessons[:-1], start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        page.locator("#lesson-end").scroll_into_view_if_needed()
        expect(page.get_by_text(_("You have completed this lesson."))).to_be_visible(timeout=10_000)
        if number == 1:
            screenshot(f"{shot}/04-lesson-read")
        page.locator("a[rel=next]").click()

    # The final quiz, answered rightly (the answers the server served, in their order).
    quiz = lessons[-1]
    expect(page.get_by_role("heading", level=1)).to_have_text(quiz.title)
    page.get_by_role("button", name=_("Start the quiz")).click()
    expect(page.get_by_role("button", name=_("Submit answers"))).to_be_visible()
    attempt = Attempt.objects.get(learner__username=f"muellim-{language}")
    for name, answer in right_answers(attempt).items():
        control = page.locator(f"[name={name}]")
        kind = control.first.evaluate("element => `${element.tagName}:${element.type}`")
        if kind.startswith("SELECT"):  # a matching pair
            control.select_option(str(answer))
        elif kind in ("INPUT:radio", "INPUT:checkbox"):
            for choice in answer if isinstance(answer, list) else [answer]:
                page.locator(f"[name={name}][value='{choice}']").check()
        else:  # a place in an order, a word, a number
            control.fill(str(answer))
    screenshot(f"{shot}/05-quiz")
    page.get_by_role("button", name=_("Submit answers")).click()
    expect(page.get_by_text(_("Passed."))).to_be_visible()
    expect(page.locator("#certificate-ready")).to_contain_text(_("Your certificate is ready."))
    screenshot(f"{shot}/06-passed")

    enrolment = Enrolment.objects.get(learner__username=f"muellim-{language}", course=course)
    assert enrolment.completed_at is not None

    # The certificate: downloaded from My learning, in the course's language with an English line.
    page.get_by_role("button", name=_("Menu")).click()
    page.get_by_role("link", name=_("My learning")).click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(re.escape(_("Certificate (PDF)")))).click()
    with open(download.value.path(), "rb") as pdf:
        text = " ".join(page_.extract_text() for page_ in PdfReader(pdf).pages)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.language == language
    assert "Nigar Kərimova" in text and certificate.code in text
    assert letters.search(text), text

    page.goto(live_server.url + certificate.get_verify_url())
    expect(page.get_by_text(_("This certificate is valid."))).to_be_visible()
    screenshot(f"{shot}/07-certificate-check")
