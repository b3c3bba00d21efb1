"""WCAG 2.2 AA on every learner and public page (axe-core), the keyboard-only journey,
low bandwidth (page weight, own origin only) and reading without JavaScript."""

import re
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from library.factories import CentreFactory, CopyFactory, MaterialFactory, PatronFactory
from lms import services
from lms.models import CompletionRule, Verb
from quizzes.factories import QuestionCategoryFactory, QuestionFactory
from tests.helpers import sign_in, site_home
from tests.quizzes.conftest import quiz_value

# What pages look like, which no database changes: the SQLite run judges it (.ci/run).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.presentation]

RICH_BODY = [
    {"type": "heading", "value": {"text": "Why inclusion matters", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Children of all abilities learn side by side.</p>"},
    {
        "type": "callout",
        "value": {"kind": "case_study", "title": "A Grade 3 class", "body": "<p>Aysel plans.</p>"},
    },
    {
        "type": "accordion",
        "value": {
            "title": "Questions to discuss",
            "items": [{"title": "What changes?", "body": "<p>The plan, not the child.</p>"}],
        },
    },
    {"type": "heading", "value": {"text": "Try it tomorrow", "level": "h3"}},
    {"type": "paragraph", "value": "<ul><li>One idea</li><li>Another idea</li></ul>"},
]


@pytest.fixture
def world(live_server):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(
        parent=catalogue, title="Inclusive classrooms", slug="inclusive", audience="in_service"
    )
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    reading = LessonPageFactory(
        parent=module, title="Article 24", slug="article-24", body=RICH_BODY
    )
    category = QuestionCategoryFactory()
    questions = [
        QuestionFactory(
            category=category,
            kind="single",
            prompt="Which article of the UNCRPD is about education?",
            options=[("Article 9", False), ("Article 24", True)],
        ),
        QuestionFactory(category=category, kind="true_false", prompt="Inclusion is for everyone."),
        QuestionFactory(
            category=category,
            kind="matching",
            prompt="Match the parts.",
            options=[("Goals", "Next steps"), ("Review", "When to check")],
        ),
        QuestionFactory(
            category=category, kind="ordering", prompt="Order the cycle.", options=["Plan", "Teach"]
        ),
        QuestionFactory(
            category=category, kind="short_text", prompt="How many centres?", options=["9"]
        ),
    ]
    quiz = LessonPageFactory(
        parent=module,
        title="Check your understanding",
        slug="quiz",
        completion_rule=CompletionRule.ON_PASS,
        body=[
            {"type": "quiz", "value": quiz_value(questions, pass_mark=50, shuffle_options=False)}
        ],
    )
    teacher = UserFactory(username="teacher", first_name="Aysel", last_name="Mammadova")
    centre = CentreFactory(code="bak1", name="Baku resource centre 1")
    material = MaterialFactory(title="Braille slate and stylus")
    CopyFactory(material=material, home_centre=centre)
    PatronFactory(name="Aysel Mammadova", user=teacher, home_centre=centre)
    return {
        "course": course,
        "reading": reading,
        "quiz": quiz,
        "teacher": teacher,
        "material": material,
    }


def assert_accessible(page, axe, url):
    page.goto(url)
    violations = axe()
    assert violations == [], f"{url}: {violations}"


def test_public_pages_have_no_wcag_violations(page, live_server, world, axe):
    material = world["material"]
    for path in [
        "/",
        "/courses/",
        "/courses/?audience=in_service&language=en",
        "/courses/?q=nothing-matches-this",
        world["course"].url,
        reverse("login"),
        reverse("signup"),
        reverse("password_reset"),
        reverse("lms:verify_certificate", args=["ZZZZ-ZZZZ-ZZZZ"]),
        reverse("library:catalogue"),
        reverse("library:catalogue") + "?q=braille",
        reverse("library:material", args=[material.pk]),
    ]:
        assert_accessible(page, axe, live_server.url + path)


def test_learner_pages_have_no_wcag_violations(page, live_server, world, axe):
    teacher, course = world["teacher"], world["course"]
    services.enrol(teacher, course)
    sign_in(page, live_server, teacher)
    for url in [course.url, world["reading"].url, world["quiz"].url]:
        assert_accessible(page, axe, live_server.url + url)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    assert axe() == [], "quiz attempt"
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("heading", name="Result of attempt 1")).to_be_visible()
    assert axe() == [], "quiz result"
    staff = UserFactory(username="registrar")
    services.complete_for_learner(teacher, course, decided_by=staff, reason="Accessibility test")
    for path in [
        reverse("lms:dashboard"),
        reverse("lms:transcript"),
        reverse("library:my_library"),
        teacher.certificates.get().get_verify_url(),
    ]:
        assert_accessible(page, axe, live_server.url + path)
    # A form with errors: messages are tied to their fields.
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("signup"))
    page.locator("main").get_by_role("button", name="Create account").click()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    assert axe() == [], "sign-up with errors"


def tab_to(page, locator, limit=60):
    """Press Tab until ``locator`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"could not reach {locator} with the keyboard")


def test_the_learner_journey_works_with_the_keyboard_alone(page, live_server, world):
    teacher, course = world["teacher"], world["course"]
    page.goto(live_server.url + course.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()  # the first thing the keyboard reaches
    expect(skip).to_be_visible()
    page.goto(f"{live_server.url}/accounts/login/?next={course.url}")
    expect(page.get_by_label("Username")).to_be_focused()  # autofocus on the first field
    page.keyboard.type(teacher.username)
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type("correct-horse-battery-staple")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Enrol in this course"))
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Article 24")
    tab_to(page, page.get_by_role("button", name="Mark as complete"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your understanding")
    tab_to(page, page.get_by_role("button", name="Start the quiz"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Article 9"))  # Tab enters the radio group
    page.keyboard.press("ArrowDown")  # arrows choose within it
    expect(page.get_by_label("Article 24")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Submit answers"))
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("You scored"))).to_be_visible()


def test_headings_and_landmarks_are_in_order(page, live_server, world):
    teacher = world["teacher"]
    services.enrol(teacher, world["course"])
    sign_in(page, live_server, teacher)
    page.goto(live_server.url + world["reading"].url)
    levels = page.evaluate(
        "() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
        ".map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    for role in ("banner", "main", "contentinfo", "navigation"):
        expect(page.get_by_role(role).first).to_be_attached()


def test_pages_work_at_320_pixels_and_200_percent_zoom(browser, live_server, world):
    for viewport, scale in (({"width": 320, "height": 640}, 1), ({"width": 640, "height": 480}, 2)):
        context = browser.new_context(viewport=viewport, device_scale_factor=scale)
        page = context.new_page()
        for path in ("/", "/courses/", world["course"].url, reverse("library:catalogue")):
            page.goto(live_server.url + path)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{path} scrolls sideways at {viewport['width']}px"
        context.close()


def test_a_lesson_is_light_and_only_talks_to_its_own_origin(page, live_server, world):
    teacher = world["teacher"]
    services.enrol(teacher, world["course"])
    sign_in(page, live_server, teacher)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_server.url + world["reading"].url, wait_until="networkidle")
    origin = urlparse(live_server.url).netloc
    assert {urlparse(r.url).netloc for r in responses} == {origin}
    weight = page.evaluate(
        "() => performance.getEntries()"
        ".filter(e => e.entryType === 'navigation' || e.initiatorType !== 'img')"
        ".reduce((total, e) => total + (e.decodedBodySize || 0), 0)"
    )
    assert 0 < weight < 100 * 1024, f"lesson page weighs {weight} bytes"


def test_lesson_text_is_readable_without_javascript(browser, live_server, world):
    teacher = world["teacher"]
    services.enrol(teacher, world["course"])
    services.record_learning(teacher, world["reading"].lesson_uuid, Verb.VIEWED)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, teacher)
    page.goto(live_server.url + world["reading"].url)
    expect(page.get_by_text("Children of all abilities learn side by side.")).to_be_visible()
    page.get_by_text("What changes?").click()  # <details> opens without scripts
    expect(page.get_by_text("The plan, not the child.")).to_be_visible()
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your understanding")
    context.close()
