"""End-to-end journeys of each kind of user, against a live server in Chromium.

Screenshots of the main pages at phone and desktop widths are written to
test-artifacts/screenshots/.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from courses.models import CoursePage
from courses.roles import REVIEWERS, TRAINERS, ensure_authoring_roles
from library.factories import CentreFactory, CopyFactory, MaterialFactory
from lms.models import Certificate, Cohort, CompletionRule, District, Enrolment
from quizzes.factories import QuestionFactory
from tests.helpers import site_home
from tests.quizzes.conftest import quiz_value

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def catalogue(live_server):
    # A transactional test may have flushed the seeded rows (pages 0008, 0010).
    for slug, name, russian in (
        ("baku", "Bakı", "Баку"),
        ("guba", "Quba", "Губа"),
        ("shaki", "Şəki", "Шеки"),
    ):
        names = {"name": name, "name_az": name, "name_en": name, "name_ru": russian}
        District.objects.get_or_create(slug=slug, defaults=names)
    return CatalogueIndexPageFactory(parent=site_home(), slug="courses")


@pytest.fixture
def quiz_course(catalogue):
    course = CoursePageFactory(
        parent=catalogue,
        title="Inclusive classrooms",
        slug="inclusive",
        audience="in_service",
        language="en",
    )
    CoursePageFactory(
        parent=catalogue, title="VET assessment", slug="vet", audience="vet_instructors"
    )
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    LessonPageFactory(parent=module, title="Article 24", slug="article-24")
    question = QuestionFactory(
        kind="single", prompt="Which article?", options=[("Article 9", False), ("Article 24", True)]
    )
    quiz = LessonPageFactory(
        parent=module,
        title="Final quiz",
        slug="final-quiz",
        completion_rule=CompletionRule.ON_PASS,
        body=[{"type": "quiz", "value": quiz_value([question], shuffle_options=False)}],
    )
    course.final_assessment = quiz
    course.save_revision().publish()
    return course


def test_a_new_teacher_signs_up_learns_and_verifies_their_certificate(
    page, live_server, quiz_course, screenshot
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/courses/")
    screenshot("catalogue-start-phone")
    # On a phone the header's links are behind the menu button.
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="Create account").click()
    page.get_by_label("Username").fill("nigar")
    page.get_by_label("First name").fill("Nigar")
    page.get_by_label("Last name").fill("Karimova")
    page.get_by_label("Email").fill("nigar@example.org")
    page.get_by_label("I am a").select_option("teacher")
    page.get_by_label("District or city").select_option(label="Quba")
    page.locator("#id_password1").fill("a-long-and-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-and-unusual-passphrase")
    page.locator("main").get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="Courses").first.click()
    page.get_by_label("Audience").select_option("in_service")
    page.get_by_label("Language").last.select_option("en")
    page.get_by_role("button", name="Show courses").click()
    expect(page.get_by_role("heading", name="1 course")).to_be_visible()
    screenshot("catalogue-phone")
    page.get_by_role("link", name="Inclusive classrooms").click()
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Article 24")
    screenshot("lesson-phone")
    page.get_by_role("button", name="Mark as complete").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("Article 24").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("Passed.")).to_be_visible()

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="My learning").click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Certificate")).click()
    assert download.value.suggested_filename.endswith(".pdf")
    certificate = Certificate.objects.get(learner__username="nigar")
    page.goto(live_server.url + certificate.get_verify_url())
    expect(page.get_by_text("This certificate is valid.")).to_be_visible()
    screenshot("certificate-check-phone")


def quiz_programme():
    from courses.models import Programme

    return Programme.objects.get_or_create(
        slug="inclusive-education", defaults={"name": "Inclusive education"}
    )[0]


def test_a_trainer_builds_a_course_and_a_reviewer_publishes_it_with_its_pages(
    page, live_server, catalogue, screenshot
):
    ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    reviewer = UserFactory(username="reviewer")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))

    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("trainer")
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    page.locator("#id_title").fill("Working with parents")
    page.locator("#id_summary").fill("How to plan a child's support together with the family.")
    page.locator("#id_learning_outcomes-0-text").fill("Run a first meeting with a family")
    programme = quiz_programme()
    page.locator("#id_programme").evaluate(
        "(input, pk) => { input.value = pk; }", str(programme.pk)
    )
    page.locator("#id_audience").select_option("in_service")
    page.locator("#id_language").select_option("en")
    page.locator("#id_cover_image_alt").fill("")
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Submit to Trainer review")).click()
    page.wait_for_load_state()
    course = CoursePage.objects.get(title="Working with parents")
    assert not course.live
    assert course.current_workflow_state.status == "in_progress"

    # The trainer's module and lesson are drafts: they go live with the course.
    module = ModulePageFactory(parent=course, title="First meeting", publish=False, live=False)
    module.save_revision(user=trainer)
    lesson = LessonPageFactory(parent=module, title="Listening first", publish=False, live=False)
    lesson.save_revision(user=trainer)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("reviewer")
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish").click()
    dialog = page.get_by_role("dialog")
    listed = "Approving publishes this page and the pages under it listed below (2):"
    expect(dialog.get_by_text(listed)).to_be_visible()
    expect(dialog.get_by_role("listitem").filter(has_text="First meeting")).to_be_visible()
    expect(dialog.get_by_role("listitem").filter(has_text="Listening first")).to_be_visible()
    screenshot("course-review-approve-desktop")
    with page.expect_navigation():
        dialog.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state()
    for reviewed in (course, module, lesson):
        reviewed.refresh_from_db()
        assert reviewed.live, reviewed.title


def test_a_trainer_imports_a_cohort_and_opens_its_report(page, live_server, quiz_course, tmp_path):
    ensure_authoring_roles(quiz_course.get_parent())
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    cohort = Cohort.objects.create(
        name="Guba in-service",
        programme="inclusive-education",
        district=District.objects.get(slug="guba"),
    )
    cohort.courses.add(quiz_course)
    cohort.trainers.add(trainer)
    learners = tmp_path / "guba.csv"
    learners.write_text(
        "email,first_name,last_name,district\n"
        "leyla@example.org,Leyla,Aliyeva,Guba\nrashad@example.org,Rashad,Mammadov,Guba\n"
    )
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("trainer")
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/admin/cohort/")
    page.get_by_role("link", name="Import learners").click()
    page.get_by_label(re.compile("File of learners")).set_input_files(str(learners))
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("2 learners, 2 of them new. All rows are valid.")).to_be_visible()
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.get_by_role("heading", name="Cohort progress")).to_be_visible()
    expect(page.get_by_role("link", name="Leyla Aliyeva")).to_be_visible()
    assert Enrolment.objects.filter(course=quiz_course).count() == 2


def test_a_parent_finds_a_free_copy_in_the_public_catalogue(page, live_server, screenshot):
    site_home()
    guba = CentreFactory(code="gub1", name="Guba resource centre")
    shaki = CentreFactory(code="shk1", name="Shaki resource centre")
    material = MaterialFactory(title="Easy-read guide to inclusive school")
    CopyFactory(material=material, home_centre=guba, status="on_loan")
    CopyFactory(material=material, home_centre=shaki)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/library/")
    page.get_by_role("textbox", name=re.compile("Search the catalogue")).fill("easy-read")
    page.get_by_role("button", name="Search").click()
    result = page.get_by_text(re.compile("Free now at"))
    expect(result).to_contain_text("Shaki resource centre")
    expect(result).not_to_contain_text("Guba resource centre")
    screenshot("library-search-phone")
