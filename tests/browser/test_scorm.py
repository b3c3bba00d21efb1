"""Teachers play SCORM packages in the browser; the lesson completes with its score.

The real SCORM 2004 samples are driven through their own pages and buttons
inside the frame; a package made by the tests exercises adl.nav.request.
"""

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
from lms.models import CompletionRule, LessonProgress
from scorm.importing import import_package
from tests.helpers import sco_attempt, sco_attempts, sign_in, site_home
from tests.scorm.packages import SHARED, scorm12_zip, scorm2004_zip

pytestmark = pytest.mark.django_db(transaction=True)


def sco_frame(page):
    """The SCO: framed by the runtime page, which the launch page frames from the content origin."""
    return page.frame_locator("#scorm-frame").frame_locator("#sco-frame")


def click(page, locator):
    """Click once the page has settled after scrolling to ``locator``.

    Chromium routes a click sent straight after a scroll by the frame
    positions it had before the scroll; with the package in a cross-origin
    frame, that click can land in the frame instead of on a link below it.
    """
    locator.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)))")
    locator.click()


def next_package_page(page, sco, number):
    """Press the golf sample's Next until its page ``number`` (0-based) is shown.

    Waits for the package's own page counter, not for time: a click sent while the
    nested frames are still busy with the previous page can be lost (CI once lost one
    of fourteen), and is then sent again.
    """
    button = sco.locator("#butNext")
    for _click in range(5):
        if button.evaluate("() => window.currentPage") >= number:
            return
        click(page, button)
        for _poll in range(40):
            if button.evaluate("() => window.currentPage") >= number:
                return
            page.wait_for_timeout(50)
    raise AssertionError(f"the package did not reach its page {number}")


def runtime_frame(page):
    """The runtime page's frame (on the content origin), where the SCORM API lives."""
    for _attempt in range(100):
        frame = next(
            (f for f in page.frames if "/content/scorm/" in f.url and "/run/" in f.url), None
        )
        if frame is not None:
            return frame
        page.wait_for_timeout(100)
    raise AssertionError("The launch page framed no SCORM runtime.")


@pytest.fixture
def scorm_course(live_server):
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    package = import_package(scorm12_zip(), title="Tiny SCORM")
    lesson = LessonPageFactory(
        parent=module,
        title="Play the package",
        slug="play",
        completion_rule=CompletionRule.ON_PASS,
        body=[{"type": "scorm", "value": {"package": package.pk, "required": True}}],
    )
    return course, lesson


def test_a_teacher_plays_a_scorm_12_package_and_completes_the_lesson_with_its_score(
    page, live_server, scorm_course, screenshot
):
    course, lesson = scorm_course
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("link", name="Open the activity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tiny SCORM")
    expect(sco_frame(page).locator("#state")).to_have_text(
        "Entry: ab-initio; location: ", timeout=10_000
    )
    sco_frame(page).get_by_role("button", name="Finish with 85%").click()
    expect(sco_frame(page).locator("#state")).to_have_text("Finished")
    screenshot("scorm-finished")

    attempt = sco_attempt(learner=teacher)
    assert (attempt.success_status, attempt.score_raw, attempt.location) == ("passed", 85, "page-3")
    progress = LessonProgress.objects.get(learner=teacher, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None
    assert progress.best_score == pytest.approx(0.85)

    page.get_by_role("link", name="Back to the lesson “Play the package”").click()
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    expect(page.get_by_text("Your score: 85% – passed")).to_be_visible()

    # Launching again resumes where the learner stopped.
    page.get_by_role("link", name="Continue the activity").click()
    expect(sco_frame(page).locator("#state")).to_have_text(
        "Entry: resume; location: page-3", timeout=10_000
    )


def shared_lesson(course, archive, slug, **fields):
    from django.core.files import File

    with open(SHARED / archive, "rb") as handle:
        package = import_package(File(handle, name=archive))
    module = course.get_children().first()
    lesson = LessonPageFactory(
        parent=module,
        title=fields.pop("title", f"Golf {slug}"),
        slug=slug,
        body=[{"type": "scorm", "value": {"package": package.pk, "required": True}}],
        **fields,
    )
    return lesson, package


def test_the_demo_teacher_finishes_the_golf_sample_and_sees_the_score_in_their_progress(
    page, live_server, scorm_course, screenshot, axe
):
    """The demo's SCORM lesson (seed_demo's shape): read every page, pass the quiz, exit."""
    course, _lesson = scorm_course
    lesson, _package = shared_lesson(
        course.specific,
        "golf_2004_3rd_advanced_runtime.zip",
        "scorm",
        title="Practice: an e-learning package (SCORM)",
        completion_rule=CompletionRule.ON_PASS,
    )
    teacher = UserFactory(username="teacher", first_name="Aysel", last_name="Mammadova")
    services.enrol(teacher, course)
    refused, alerts = [], []
    page.on("console", lambda m: "Content Security" in m.text and refused.append(m.text))
    page.on("dialog", lambda dialog: alerts.append(dialog.message) or dialog.dismiss())
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("link", name="Open the activity").click()
    runtime = runtime_frame(page)
    runtime.wait_for_function("() => window.API_1484_11 && window.API_1484_11.isInitialized()")
    assert runtime.evaluate("() => window.API_1484_11.GetValue('cmi.entry')") == "ab-initio"
    # The manifest's passing score reaches the runtime.
    passing = runtime.evaluate("() => window.API_1484_11.GetValue('cmi.scaled_passing_score')")
    assert passing == "0.8"
    assert axe() == [], "SCORM launch page"

    sco = sco_frame(page)
    content = sco.frame_locator("#contentFrame")
    expect(content.locator("body")).to_contain_text("golf", ignore_case=True, timeout=10_000)
    for number in range(1, 15):  # the package's own Next button, through its 15 pages
        next_package_page(page, sco, number)
    expect(sco.locator("#butNext")).to_be_disabled()
    expect(content.get_by_role("button", name="Submit Answers")).to_be_visible()

    # The quiz page: give the right answer to every question, as a learner would.
    quiz = next(frame for frame in page.frames if "assessmenttemplate.html" in frame.url)
    questions = quiz.evaluate(
        "() => test.Questions.map(q => ({id: q.Id, type: q.Type, answers: q.Answers,"
        " correct: String(q.CorrectAnswer)}))"
    )
    assert len(questions) > 5
    for question in questions:
        field = f'[id="question_{question["id"]}'
        if question["type"] == "choice":
            index = question["answers"].index(question["correct"])
            quiz.locator(f'{field}_{index}"]').check()
        elif question["type"] == "true-false":
            quiz.locator(f'{field}_{question["correct"].capitalize()}"]').check()
        else:
            quiz.locator(f'{field}_Text"]').fill(question["correct"])
    quiz.get_by_role("button", name="Submit Answers").click()
    expect(quiz.locator("body")).to_contain_text("Score: 100")

    # The package's Exit asks for exitAll: the runtime commits and the lesson comes back.
    sco.locator("#butExit").click()
    page.wait_for_url(f"{live_server.url}{lesson.url}")
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    expect(page.get_by_text("Your score: 100% – passed")).to_be_visible()
    screenshot("scorm-golf-finished")

    attempt = sco_attempt(learner=teacher)
    assert (attempt.completion_status, attempt.score_scaled) == ("completed", 1.0)
    assert len(attempt.interactions) == len(questions)
    progress = LessonProgress.objects.get(learner=teacher, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None and progress.passed_at is not None
    assert progress.best_score == 1.0 and progress.completion_source == "scorm"

    # My learning counts the lesson in the course's progress.
    page.get_by_role("link", name="My learning").click()
    card = page.locator(".card").filter(has_text="Inclusive classrooms")
    expect(card.locator("progress")).not_to_have_attribute("value", "0")
    assert refused == []
    # The package finds the objectives its manifest declares (an alert per page otherwise).
    assert alerts == []


def test_the_multi_sco_sample_is_played_part_after_part_until_the_lesson_completes(
    page, live_server, scorm_course
):
    course, _lesson = scorm_course
    lesson, package = shared_lesson(
        course.specific, "golf_2004_3rd_multi_sco.zip", "multi", title="Golf, part by part"
    )
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("link", name="Open the activity").click()
    nav = page.get_by_role("navigation", name="Parts of this activity")
    expect(nav.get_by_role("link")).to_have_count(18)
    for item in package.scos[1:]:
        click(page, page.get_by_role("link", name="Next part"))
        expect(nav.get_by_role("link", name=item["title"], exact=True)).to_have_attribute(
            "aria-current", "page"
        )
    assert (
        page.frame_locator("#scorm-frame")
        .locator("#sco-frame")
        .get_attribute("src")
        .endswith("/files/shared/assessmenttemplate.html?questions=HavingFun")
    )
    expect(page.get_by_role("link", name="Next part")).to_have_count(0)
    click(page, page.get_by_role("link", name="Back to the lesson", exact=True))
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    progress = LessonProgress.objects.get(learner=teacher, item_id=lesson.lesson_uuid)
    assert progress.completion_source == "scorm"


def test_a_sco_asking_for_the_next_part_previous_or_a_choice_is_followed(
    page, live_server, scorm_course
):
    course, _lesson = scorm_course
    package = import_package(scorm2004_zip(), title="Three parts")
    lesson = LessonPageFactory(
        parent=course.specific.get_children().first(),
        title="Three parts",
        slug="three",
        body=[{"type": "scorm", "value": {"package": package.pk, "required": True}}],
    )
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, course)
    sign_in(page, live_server, teacher)

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("link", name="Open the activity").click()
    sco = sco_frame(page)

    def on_part(title):
        expect(sco.get_by_role("heading", level=1)).to_have_text(title, timeout=10_000)
        expect(sco.locator("#state")).to_contain_text("Entry: ")

    on_part("Part one")
    sco.get_by_role("button", name="End this part").click()  # exit: the learner chooses
    expect(page.get_by_role("status")).to_have_text(
        "This part has ended. Choose another part, or go back to the lesson."
    )
    assert page.locator("#scorm-frame").get_attribute("src") is None
    page.get_by_role("navigation", name="Parts of this activity").get_by_role(
        "link", name="Part one"
    ).click()
    on_part("Part one")
    expect(sco.locator("#state")).to_contain_text("Entry: ;")  # a new attempt session
    sco.get_by_role("button", name="Finish and continue").click()  # continue
    on_part("Part two")  # hidden from the list, but next in the flow
    sco.get_by_role("button", name="Choose part one").click()  # {target=one}choice
    on_part("Part one")
    sco.get_by_role("button", name="Finish and continue").click()
    on_part("Part two")
    sco.get_by_role("button", name="Finish and continue").click()
    on_part("Part three")
    expect(sco.locator("#state")).to_have_text("Entry: ab-initio; threshold: 0.75; passing: 0.7")
    sco.get_by_role("button", name="Go back").click()  # previous
    on_part("Part two")
    sco.get_by_role("button", name="Finish and continue").click()
    on_part("Part three")
    sco.get_by_role("button", name="Finish and leave").click()  # exitAll
    page.wait_for_url(f"{live_server.url}{lesson.url}")
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    expect(page.get_by_text("Your score: 80%")).to_be_visible()
    assert {a.activity.rsplit(":", 1)[1] for a in sco_attempts().filter(learner=teacher)} == {
        "one",
        "two",
        "three",
    }
