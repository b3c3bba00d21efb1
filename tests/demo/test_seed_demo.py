"""seed_demo builds the demo site, and running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page

from courses.models import CatalogueIndexPage, CoursePage, CourseReviewTask, LessonPage, ModulePage
from demo import translations
from lms import services
from lms.models import Attempt, Certificate, Cohort, CourseItem, Enrolment, LessonProgress, Target
from scorm.models import ScormPackage
from tests.h5p.packages import SHARED as SHARED_H5P
from tests.scorm.packages import SHARED as SHARED_SCORM

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Page.objects.count(),
        get_user_model().objects.count(),
        CourseItem.objects.count(),
        Enrolment.objects.count(),
        ScormPackage.objects.count(),
        Cohort.objects.count(),
        LessonProgress.objects.count(),
        Attempt.objects.count(),
        Certificate.objects.filter(revoked_at=None).count(),
        sorted(Target.objects.values_list("target", flat=True)),
    )


def test_seed_demo_builds_the_courses_and_is_idempotent(settings, capsys, client, monkeypatch):
    settings.DEBUG = True
    # The shared example packages, wherever this checkout sits beside them.
    monkeypatch.setenv("DEMO_H5P_DIR", str(SHARED_H5P))
    monkeypatch.setenv("DEMO_SCORM_DIR", str(SHARED_SCORM))
    # A small programme (seed_demo --learners): the full one takes its time.
    call_command("seed_demo", learners=30)
    first = snapshot()
    assert Certificate.objects.exists()
    call_command("seed_demo", learners=30)
    assert snapshot() == first
    out = capsys.readouterr().out
    assert "teacher-demo-2026" in out

    # Written in English, translated into Azerbaijani and Russian (demo.translations).
    english = Locale.objects.get(language_code="en")
    for code in ("en", "az", "ru"):
        courses = CoursePage.objects.live().filter(locale__language_code=code)
        assert courses.count() == 3
        assert set(courses.values_list("language", flat=True)) == {code}
    strings = translations.catalogue("az")
    for course in CoursePage.objects.filter(locale=english):
        translated = course.get_translation(Locale.objects.get(language_code="az"))
        assert translated.title == strings[course.title]
    for course in CoursePage.objects.all():
        assert ModulePage.objects.child_of(course).count() >= 3
        assert LessonPage.objects.descendant_of(course).count() >= 8
    assert CourseItem.objects.filter(is_active=True).count() == LessonPage.objects.count()
    # Trainers' courses are reviewed by the course review: approval publishes their pages.
    workflow = CatalogueIndexPage.objects.get(locale=english).get_workflow()
    assert [type(task.specific) for task in workflow.tasks] == [CourseReviewTask]
    # The shared example H5P packages became activities in a practice lesson.
    practice = LessonPage.objects.get(slug="practice", locale=english)
    assert [block.block_type for block in practice.body].count("h5p") == 2
    # A shared SCORM sample became a lesson of the same course, passed at 80%.
    scorm = LessonPage.objects.get(slug="scorm", locale=english)
    assert scorm.get_parent().get_parent().slug == "foundations-of-inclusive-education"
    package = next(block.value["package"] for block in scorm.body if block.block_type == "scorm")
    assert package.scos[0]["mastery"] == 0.8
    assert ScormPackage.objects.count() == 1
    # The demo teacher enrols and finds the activity in the lesson.
    teacher = get_user_model().objects.get(username="teacher")
    services.enrol(teacher, scorm.get_parent().get_parent().specific)
    client.force_login(teacher)
    assert "/scorm/lessons/" in client.get(scorm.url).content.decode()
    client.logout()
    assert client.get("/courses/").status_code == 200
    assert client.get("/").status_code == 200


def test_demo_content_draws_on_the_programme_documents(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--no-users", learners=0)
    text = " ".join(str(lesson.body) for lesson in LessonPage.objects.all())
    for phrase in (
        "Article 24",
        "Universal Design for Learning",
        "individual education plan",
        "Ağcabədi",
    ):
        assert phrase.lower() in text.lower()


def test_demo_users_are_refused_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", learners=0)
    assert not get_user_model().objects.exists()


def test_seed_demo_skips_h5p_with_a_note_when_the_packages_are_missing(
    settings, capsys, monkeypatch, tmp_path
):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_H5P_DIR", str(tmp_path / "none"))
    call_command("seed_demo", "--no-users", learners=0)
    assert "the demo has no H5P activities" in capsys.readouterr().out
    assert not LessonPage.objects.filter(slug="practice").exists()


def test_seed_demo_skips_scorm_with_a_note_when_the_packages_are_missing(
    settings, capsys, monkeypatch, tmp_path
):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_SCORM_DIR", str(tmp_path / "none"))
    call_command("seed_demo", "--no-users", learners=0)
    assert "the demo has no SCORM lesson" in capsys.readouterr().out
    assert not LessonPage.objects.filter(slug="scorm").exists()
    assert not ScormPackage.objects.exists()
