"""seed_demo builds the demo site, and running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail_localize.models import SegmentOverride

from courses.models import CatalogueIndexPage, CoursePage, CourseReviewTask, LessonPage, ModulePage
from demo import activities, translations
from h5p.models import H5PActivity
from lms import services
from lms.models import Attempt, Certificate, Cohort, CourseItem, Enrolment, LessonProgress, Target
from scorm.models import ScormPackage
from tests.test_reference_labels import assert_every_label_translated

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Page.objects.count(),
        get_user_model().objects.count(),
        CourseItem.objects.count(),
        Enrolment.objects.count(),
        ScormPackage.objects.count(),
        H5PActivity.objects.count(),
        get_document_model().objects.count(),
        SegmentOverride.objects.count(),
        Cohort.objects.count(),
        LessonProgress.objects.count(),
        Attempt.objects.count(),
        Certificate.objects.filter(revoked_at=None).count(),
        sorted(Target.objects.values_list("target", flat=True)),
    )


def blocks(lesson, kind):
    return [block.value for block in lesson.body if block.block_type == kind]


def test_seed_demo_builds_the_courses_and_is_idempotent(settings, capsys, client, tmp_path):
    settings.DEBUG = True
    # A fresh clone: nothing beside the checkout (no ../shared); the demo's
    # packages come from demo/packages in the repository. A small programme
    # (seed_demo --learners): the full one takes its time.
    settings.BASE_DIR = tmp_path / "clone"
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

    # The demo's own packages, in each language's lesson the package of that language:
    # H5P activities on article 24 and reasonable accommodation in the practice lesson,
    # the SCORM school check, the captioned video of the IEP cycle and its drag-the-words.
    script = activities.video_script()
    for code in ("en", "az", "ru"):
        practice = LessonPage.objects.get(slug="practice", locale__language_code=code)
        practised = [value["activity"] for value in blocks(practice, "h5p")]
        assert [a.main_library for a in practised] == ["H5P.MultiChoice", "H5P.TrueFalse"]
        assert {a.locale.language_code for a in practised} == {code}
        scorm = LessonPage.objects.get(slug="scorm", locale__language_code=code)
        assert scorm.get_parent().get_parent().slug == "foundations-of-inclusive-education"
        (package,) = [value["package"] for value in blocks(scorm, "scorm")]
        assert package.locale.language_code == code and package.scos[0]["mastery"] == 0.8
        cycle = LessonPage.objects.get(slug="iep-cycle", locale__language_code=code)
        (video,) = blocks(cycle, "video")
        assert (video["file"], video["captions"]) == activities.video_documents(code)
        assert video["captions"].file.name.endswith(".vtt")
        assert video["captions_language"] == ""  # the page's: its own in each translation
        assert script[code]["slides"][0]["captions"][0] in str(video["transcript"])
        (drag,) = [value["activity"] for value in blocks(cycle, "h5p")]
        assert (drag.main_library, drag.locale.language_code) == ("H5P.DragText", code)
        # A translated quiz asks the translated questions.
        quiz = LessonPage.objects.get(slug="check-your-understanding", locale__language_code=code)
        (value,) = blocks(quiz, "quiz")
        assert {question.locale.language_code for question in value["questions"]} == {code}
    assert ScormPackage.objects.count() == 3
    assert H5PActivity.objects.count() == 9

    # The demo teacher enrols in the Azerbaijani course and finds the activity in the lesson.
    teacher = get_user_model().objects.get(username="teacher")
    scorm = LessonPage.objects.get(slug="scorm", locale__language_code="az")
    services.enrol(teacher, scorm.get_parent().get_parent().specific)
    client.force_login(teacher)
    assert "/scorm/lessons/" in client.get(scorm.url, HTTP_ACCEPT_LANGUAGE="az").content.decode()
    client.logout()
    assert client.get("/courses/").status_code == 200
    assert client.get("/").status_code == 200

    # The content draws on the programme's documents (one seeding serves both checks).
    text = " ".join(str(lesson.body) for lesson in LessonPage.objects.all())
    for phrase in (
        "Article 24",
        "Universal Design for Learning",
        "individual education plan",
        "Ağcabədi",
    ):
        assert phrase.lower() in text.lower()

    # Every reference row the demo seeds (institutions, subjects, frameworks,
    # centres) is named in Azerbaijani and Russian.
    assert_every_label_translated()


def test_demo_users_are_refused_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", learners=0)
    assert not get_user_model().objects.exists()
