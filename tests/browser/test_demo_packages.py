"""The demo's own packages in Chromium, each in a translated lesson: the Azerbaijani H5P
activity and SCORM check complete their lessons, the Russian video has Russian captions
and transcript (issue 21).

Each lesson is written in English and translated with the demo's machinery
(:func:`demo.translations.translate`), which gives the translation the
package of its language from demo/packages.
"""

import pytest
from playwright.sync_api import expect
from wagtail.models import Collection, Locale

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from demo import activities, translations
from lms import services
from lms.models import CompletionRule, LessonProgress
from tests.browser.test_scorm import click
from tests.helpers import sign_in, site_home

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def languages(db):
    """The site's three content languages and the documents' root collection (a
    transactional test before this one flushed what the migrations made)."""
    for code in activities.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def translated_lesson(language, body, completion_rule=CompletionRule.ON_MARK):
    """An English lesson with ``body``, its course translated into ``language``, and a
    teacher enrolled in the translated course; returns the translated lesson and teacher."""
    catalogue = CatalogueIndexPageFactory(parent=site_home(), slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Foundations", slug="foundations")
    module = ModulePageFactory(parent=course, title="Understanding inclusion", slug="rights")
    lesson = LessonPageFactory(
        parent=module, title="Practice", slug="practice", completion_rule=completion_rule, body=body
    )
    strings = translations.catalogue(language)
    for source in (course, module, lesson):
        translations.translate(source, language, strings)
    translated = lesson.get_translation(Locale.objects.get(language_code=language)).specific
    teacher = UserFactory(username="teacher")
    services.enrol(teacher, translated.course)
    return translated, teacher


def captions_in(language):
    _video, captions = activities.video_documents(language)
    return captions


def speak(page, live_server, language):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )


def test_a_teacher_answers_the_azerbaijani_activity_and_the_lesson_completes(page, live_server):
    activity = activities.h5p_activity("reasonable-accommodation", "en")
    block = {"activity": activity.pk, "completion": "passed", "min_score": None, "required": True}
    lesson, teacher = translated_lesson("az", [{"type": "h5p", "value": block}])
    sign_in(page, live_server, teacher)
    speak(page, live_server, "az")

    page.goto(f"{live_server.url}{lesson.url}")
    content = page.frame_locator("iframe[data-h5p-frame]").frame_locator("iframe.h5p-iframe")
    expect(content.get_by_text("Aysunun görmə qabiliyyəti zəifdir", exact=False)).to_be_visible(
        timeout=15_000
    )
    content.get_by_role("radio", name="Yanlış").click()
    content.get_by_role("button", name="Yoxla").click()
    feedback = content.locator(".h5p-question-feedback-content-text")
    expect(feedback).to_contain_text("Düzdür: bu qərar təlim məqsədini aşağı salır")
    expect(page.locator("[data-h5p-status]")).to_contain_text("100%", timeout=15_000)
    expect(page.get_by_text("Bu dərsi tamamladınız.")).to_be_visible()
    progress = LessonProgress.objects.get(learner=teacher, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None and progress.best_score == 1.0


def test_the_russian_video_lesson_has_russian_captions_and_transcript(page, live_server):
    video, captions = activities.video_documents("en")
    value = {
        "title": activities.video_script()["en"]["title"],
        "embed": "",
        "file": video.pk,
        "captions": captions.pk,
        "captions_language": "",
        "transcript": activities.transcript("en"),
    }
    lesson, teacher = translated_lesson("ru", [{"type": "video", "value": value}])
    sign_in(page, live_server, teacher)
    speak(page, live_server, "ru")

    page.goto(f"{live_server.url}{lesson.url}")
    script = activities.video_script()["ru"]
    expect(page.get_by_text(script["title"])).to_be_visible()
    track = page.locator('video track[kind="captions"]')
    expect(track).to_have_attribute("srclang", "ru")
    expect(track).to_have_attribute("label", "Русский")
    assert track.get_attribute("src") == captions_in("ru").url
    # The browser loads the Russian captions (the first cue is what the voice says first).
    first = page.evaluate(
        """() => new Promise((done, fail) => {
            const track = document.querySelector('video track');
            const read = () => done(track.track.cues[0].text);
            track.track.mode = 'hidden';
            if (track.readyState === 2) read();
            track.addEventListener('load', read);
            track.addEventListener('error', () => fail('captions not loaded'));
        })"""
    )
    assert first == script["slides"][0]["captions"][0]
    page.get_by_text("Транскрипт").click()
    expect(page.get_by_text(script["slides"][1]["captions"][0], exact=False)).to_be_visible()


def test_a_teacher_passes_the_azerbaijani_scorm_check_and_the_lesson_completes(page, live_server):
    package = activities.scorm_package("en")
    body = [{"type": "scorm", "value": {"package": package.pk, "required": True}}]
    lesson, teacher = translated_lesson("az", body, completion_rule=CompletionRule.ON_PASS)
    sign_in(page, live_server, teacher)
    speak(page, live_server, "az")

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("link", name="Fəaliyyəti aç").click()
    sco = page.frame_locator("#scorm-frame").frame_locator("#sco-frame")
    expect(sco.get_by_role("heading", level=1)).to_have_text("İnklüziv məktəb yoxlaması")
    for fieldset in sco.locator("fieldset").all():
        answer = fieldset.get_attribute("data-answer")
        fieldset.locator(f'input[value="{answer}"]').check()
    sco.get_by_role("button", name="Cavablarımı yoxla").click()
    expect(sco.locator("#result")).to_contain_text("5 / 5 (100%)")
    # Clicked once the page has settled after scrolling (tests/browser/test_scorm.py).
    click(page, page.get_by_role("link", name="dərsinə qayıt"))
    expect(page.get_by_text("Bu dərsi tamamladınız.")).to_be_visible()
    progress = LessonProgress.objects.get(learner=teacher, item_id=lesson.lesson_uuid)
    assert progress.completed_at is not None and progress.best_score == 1.0
