"""The layout a person meets on a phone and a desktop: no sideways scrolling at
320 px, a compact header on phones, styled tables, text cased in its own
language, a favicon and a logo, and a focus outline that stands out on the header.

The guards in conftest.py check every page the browser suite visits as well;
these tests pin each defect where it was found, in Azerbaijani and Russian,
whose words are the longest.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import UserFactory
from competencies.models import Competency, Framework
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    ProgrammeFactory,
    open_course,
)
from library.factories import (
    CentreFactory,
    CentreStaffFactory,
    CopyFactory,
    HoldFactory,
    LoanFactory,
    MaterialFactory,
    PatronFactory,
)
from lms.factories import EnrolmentFactory
from tests.browser.conftest import NARROW, overflow, run_axe
from tests.helpers import sign_in, site_home

# What pages look like, which no database changes: the SQLite run judges it (.ci/run).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.presentation]

LONG_CENTRE = "Республиканский ресурсный центр инклюзивного образования"
LONG_TITLE = (
    "Инклюзивное образование: практическое руководство для учителей начальных классов "
    "https://resources.example.org/inclusive-education/primary-teachers-handbook-2024.pdf"
)


@pytest.fixture
def world(live_server):
    """A learner with loans, a hold, a completed course and competencies; a desk clerk."""
    centres = [CentreFactory(code=f"rc{n}", name=f"{LONG_CENTRE} № {n}") for n in (1, 2, 3)]
    material = MaterialFactory(title=LONG_TITLE, authors="Министерство образования")
    for centre in centres:
        CopyFactory(material=material, home_centre=centre, barcode=f"{centre.code.upper()}0001")
    clerk = UserFactory(username="clerk")
    CentreStaffFactory(centre=centres[0], user=clerk)
    learner = UserFactory(username="teacher")
    patron = PatronFactory(user=learner, home_centre=centres[0], name="Айсель Мамедова-Гасанова")
    lent = CopyFactory(
        material=MaterialFactory(title=f"{LONG_TITLE} (том 2)"), home_centre=centres[0]
    )
    LoanFactory(copy=lent, patron=patron, now=timezone.now() - timedelta(days=60))
    HoldFactory(material=material, patron=patron, pickup_centre=centres[0])

    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(
        parent=catalogue, title="Инклюзивное образование в общеобразовательной школе"
    )
    enrolment = EnrolmentFactory(learner=learner, course=course, method="trainer")
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])

    framework = Framework.objects.create(slug="teachers", name="Профессиональный стандарт")
    area = Competency.objects.create(
        framework=framework, code="1", kind="area", title="Инклюзивная образовательная среда"
    )
    Competency.objects.create(
        framework=framework,
        parent=area,
        code="1.1-ИНКЛ-ПЛАНИРОВАНИЕ",
        kind="competency",
        title="Планирует уроки с учётом индивидуальных образовательных потребностей",
    )
    return {"centre": centres[0], "material": material, "learner": learner, "clerk": clerk}


def set_language(page, live_server, code):
    page.context.add_cookies([{"name": "django_language", "value": code, "url": live_server.url}])


@pytest.mark.parametrize("language", ["az", "ru"])
def test_pages_with_tables_do_not_scroll_sideways_on_a_320_px_phone(
    page, live_server, world, language
):
    page.set_viewport_size(NARROW)
    centre = world["centre"].code
    pages = {
        world["learner"]: [
            reverse("library:material", args=[world["material"].pk]),
            reverse("library:my_library"),
            reverse("lms:transcript"),
            reverse("competencies:profile"),
        ],
        world["clerk"]: [
            reverse("library:holds", args=[centre]),
            reverse("library:report", args=[centre, "overdue"]),
            reverse("library:transfers", args=[centre]),
        ],
    }
    for user, paths in pages.items():
        page.context.clear_cookies()
        sign_in(page, live_server, user)
        page.wait_for_url(lambda url: "/login/" not in url)
        set_language(page, live_server, language)
        for path in paths:
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == language
            assert overflow(page) == [], path
            # Each table scrolls in its own region, named and reachable by keyboard.
            for table in page.locator("main table").all():
                region = table.locator("xpath=..")
                expect(region).to_have_attribute("role", "region")
                expect(region).to_have_attribute("tabindex", "0")
                assert page.locator(f"#{region.get_attribute('aria-labelledby')}").inner_text()


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def catalogue(live_server):
    site_home()
    centre = CentreFactory(code="rc1", name="Baku resource centre 1")
    for number in range(3):
        CopyFactory(
            material=MaterialFactory(title=f"Easy-read guide {number}"),
            home_centre=centre,
        )
    return centre


def test_on_a_phone_the_header_is_short_and_a_menu_button_opens_the_navigation(
    page, live_server, world
):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, world["learner"])
    page.wait_for_url(lambda url: "/login/" not in url)
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] < 120
    nav = page.get_by_role("navigation", name="Main")
    menu = page.get_by_role("button", name="Menu")
    expect(nav).to_be_hidden()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_have_attribute("aria-controls", "site-menu")

    # By keyboard: Tab to the button, Enter opens, Escape closes and returns.
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="My competencies")).to_be_visible()
    expect(nav.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_label("Language")).to_be_visible()
    nav.get_by_role("link", name="Library").focus()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()

    page.keyboard.press("Space")
    nav.get_by_role("link", name="My competencies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My competencies")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_phone_header_stays_short_in_azerbaijani_and_russian(
    page, live_server, world, language
):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, world["learner"])
    page.wait_for_url(lambda url: "/login/" not in url)
    set_language(page, live_server, language)
    page.goto(live_server.url + reverse("library:catalogue"))
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".site-header").bounding_box()["height"] < 120
    page.locator(".menu-button").click()
    expect(page.locator("#site-menu")).to_be_visible()
    assert overflow(page) == []


def test_without_javascript_a_phone_shows_the_navigation_and_no_menu_button(
    browser, live_server, world
):
    site_home()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/library/")
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
        expect(
            page.get_by_role("navigation", name="Main").get_by_role("link", name="Library")
        ).to_be_visible()
    finally:
        context.close()


def test_on_a_desktop_the_navigation_shows_without_a_menu_button(page, live_server, world):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/library/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    assert page.locator(".site-header").bounding_box()["height"] < 100


def test_on_a_phone_the_library_filters_fold_and_the_results_show_first(
    page, live_server, catalogue
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/library/")
    expect(
        page.get_by_role("searchbox", name="Search the catalogue").or_(
            page.get_by_role("textbox", name="Search the catalogue")
        )
    ).to_be_visible()
    expect(page.get_by_label("Kind")).to_be_hidden()
    expect(page.get_by_role("heading", name="Easy-read guide 0")).to_be_in_viewport()

    page.get_by_text("More filters").click()
    expect(page.get_by_label("Kind")).to_be_visible()
    page.get_by_label("Kind").select_option("guide")
    page.get_by_role("button", name="Search").click()
    # A filter in use keeps the panel open, so the reader sees what narrows the list.
    expect(page.get_by_label("Kind")).to_be_visible()


def test_on_a_desktop_the_library_filters_are_open(page, live_server, catalogue):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/library/")
    expect(page.get_by_label("Kind")).to_be_visible()
    expect(page.get_by_label("Only with a copy free now")).to_be_visible()


def test_english_content_on_an_azerbaijani_page_is_not_upper_cased_by_azerbaijani_rules(
    page, live_server
):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = open_course(
        parent=catalogue,
        title="Inclusive education",
        # A programme named in English only: on an Azerbaijani page its name
        # falls back to English (marked lang="en").
        programme=ProgrammeFactory(name_en="Inclusive teaching", slug="english-only"),
    )
    set_language(page, live_server, "az")
    page.goto(live_server.url + course.url)
    assert page.locator("html").get_attribute("lang") == "az"
    eyebrow = page.locator(".eyebrow")
    expect(eyebrow).to_be_visible()
    # innerText is the text as shown, text-transform applied.
    assert eyebrow.inner_text() == "Inclusive teaching"
    for text in page.get_by_text("Inclusive education").all():
        assert "İ" not in text.inner_text()


def test_transcript_and_competency_tables_look_like_the_other_tables(page, live_server, world):
    sign_in(page, live_server, world["learner"])
    page.wait_for_url(lambda url: "/login/" not in url)
    styles = {}
    for path in (
        reverse("library:my_library"),
        reverse("lms:transcript"),
        reverse("competencies:profile"),
    ):
        page.goto(live_server.url + path)
        table = page.locator("main table").first
        expect(table).to_be_visible()
        styles[path] = table.evaluate(
            """table => {
                const head = getComputedStyle(table.querySelector('thead th'));
                const cell = getComputedStyle(table.querySelector('tbody td'));
                return [getComputedStyle(table).borderCollapse, head.backgroundColor,
                        head.textAlign, cell.borderBottomStyle, cell.paddingLeft];
            }"""
        )
    assert styles[reverse("lms:transcript")] == styles[reverse("library:my_library")]
    assert styles[reverse("competencies:profile")] == styles[reverse("library:my_library")]
    assert styles[reverse("lms:transcript")][3] == "solid"


def test_every_page_has_a_favicon_and_asks_for_nothing_missing(page, live_server, catalogue):
    missing = []
    page.on("response", lambda answer: answer.status == 404 and missing.append(answer.url))
    page.goto(live_server.url + "/library/")
    icon = page.locator("link[rel=icon]").first.get_attribute("href")
    assert page.request.get(live_server.url + icon).status == 200
    # What asks for /favicon.ico itself (a PDF opened in a tab) gets the icon too.
    answer = page.request.get(live_server.url + "/favicon.ico")
    assert answer.status == 200
    assert answer.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    page.goto(live_server.url + "/accounts/login/")
    assert missing == []


def test_the_header_shows_a_logo_in_the_link_home(page, live_server, catalogue):
    page.goto(live_server.url + "/library/")
    home = page.locator(".site-header").get_by_role("link", name="Teacher Learning Platform")
    expect(home).to_be_visible()
    logo = home.locator("img.site-logo")
    expect(logo).to_be_visible()
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")


def contrast(first, second):
    """WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)")."""

    def luminance(colour):
        channels = [int(value) / 255 for value in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el.closest('.site-header')) return null;
    const style = getComputedStyle(el);
    return {name: el.textContent.trim().slice(0, 40) || el.tagName,
            visible: el.matches(':focus-visible'), colour: style.outlineColor,
            style: style.outlineStyle, width: parseFloat(style.outlineWidth),
            background: getComputedStyle(el.closest('.site-header')).backgroundColor};
}"""


def focused_header_controls(page, limit=30):
    """Tab through the page from the top; the focus style of each header control met."""
    controls = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        control = page.evaluate(FOCUS_JS)
        if control:
            controls.append(control)
        elif controls:
            break
    return controls


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_focus_outline_of_every_header_control_stands_out_against_the_header(
    page, live_server, world, viewport
):
    page.set_viewport_size(viewport)
    sign_in(page, live_server, world["learner"])
    page.wait_for_url(lambda url: "/login/" not in url)
    if viewport == PHONE:
        page.get_by_role("button", name="Menu").click()
    page.locator(".skip-link").focus()
    controls = focused_header_controls(page)
    # Home, Courses, Library, My learning, My competencies, Sign out, language,
    # Change; and the menu button on a phone.
    assert len(controls) == (8 if viewport == DESKTOP else 9), controls
    for control in controls:
        assert control["visible"] and control["style"] != "none", control
        assert control["width"] >= 2, control
        assert contrast(control["colour"], control["background"]) >= 3, control


# The guards themselves: what they catch and what they can't be fooled by.


def test_the_guard_runs_the_pinned_axe_not_the_one_a_page_brings(page):
    page.set_content(
        "<!DOCTYPE html><html lang='en'><title>t</title><main><img src='x.png'></main></html>"
    )
    # Wagtail's user bar puts an older axe in window.axe; this one finds nothing.
    page.evaluate("() => { window.axe = {version: '3.0.0', run: async () => ({violations: []})} }")
    violations = run_axe(page)
    assert any(violation.startswith("image-alt:") for violation in violations), violations
    assert page.evaluate("() => window.axe.version") == "3.0.0"


def test_the_guard_looks_inside_frames_of_another_origin(page):
    inner = "<!DOCTYPE html><html lang='en'><title>inner</title><img src='x.png'></html>"
    page.set_content(
        "<!DOCTYPE html><html lang='en'><title>outer</title><main>"
        f'<iframe title="Content" src="data:text/html,{inner}"></iframe></main></html>'
    )
    page.frames[1].wait_for_load_state()
    violations = run_axe(page)
    assert [v for v in violations if v.startswith("image-alt:") and "'iframe'" in v], violations
    # A frame's document is not judged as a page of its own (its title, its lang).
    assert not [v for v in violations if v.startswith(("document-title", "html-has-lang"))]


def test_the_guard_names_what_sticks_out_at_320_px(page):
    page.set_viewport_size(NARROW)
    page.set_content(
        "<!DOCTYPE html><html lang='en'><title>t</title><body><main>"
        "<div class='table-scroll' style='overflow-x: auto'><table><tr><td style='width: 900px'>"
        "scrolls in its region</td></tr></table></div>"
        "<p id='wide' style='width: 500px'>too wide</p></main></body></html>"
    )
    findings = overflow(page)
    assert len(findings) == 1
    assert "p#wide" in findings[0] and "table" not in findings[0]
