"""The demo's own packages (demo/packages) pass the real importers, in every language, and
say everything in that language: the activity, the player's own words, the captions."""

import json
import re
import zipfile

import polib
import pytest
from django.core.files.storage import default_storage

from demo import activities
from demo.translations import FOLDER as TRANSLATIONS
from h5p.importing import content_path
from h5p.models import H5PActivity, H5PLibrary
from h5p.storage import h5p_storage
from h5p.validation import open_h5p
from scorm.models import ScormPackage

pytestmark = pytest.mark.django_db

LANGUAGES = activities.LANGUAGES
MAIN = {
    "article-24": "H5P.MultiChoice",
    "reasonable-accommodation": "H5P.TrueFalse",
    "iep-cycle": "H5P.DragText",
}
# The player's own words in each activity's content.json.
UI_FIELDS = {
    "article-24": ("UI", "confirmCheck", "confirmRetry"),
    "reasonable-accommodation": ("l10n", "confirmCheck", "confirmRetry"),
    "iep-cycle": (None,),
}
DRAGTEXT_WORDS = [
    "checkAnswer",
    "tryAgain",
    "showSolution",
    "dropZoneIndex",
    "empty",
    "contains",
    "ariaDraggableIndex",
    "tipLabel",
    "correctText",
    "incorrectText",
    "resetDropTitle",
    "resetDropDescription",
    "grabbed",
    "cancelledDragging",
    "correctAnswer",
    "feedbackHeader",
    "scoreBarLabel",
    "a11yCheck",
    "a11yShowSolution",
    "a11yRetry",
]


def content(slug, language):
    path = activities.H5P_FOLDER / slug / language / "content" / "content.json"
    return json.loads(path.read_text(encoding="utf-8"))


def player_words(slug, language):
    """``{field: text}`` of the player's own words in the activity's content."""
    data = content(slug, language)
    words = {}
    for group in UI_FIELDS[slug]:
        if group is None:
            words.update({name: data[name] for name in DRAGTEXT_WORDS})
        else:
            words.update({f"{group}.{key}": value for key, value in data[group].items()})
    return words


@pytest.mark.parametrize("slug", activities.H5P_ACTIVITIES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_demo_activity_is_a_valid_package_of_its_language_with_only_the_libraries_it_needs(
    slug, language
):
    archive = activities.h5p_archive(slug, language)
    with open_h5p(archive) as checked:
        assert checked.metadata["mainLibrary"] == MAIN[slug]
        assert checked.metadata["language"] == language
        # Every library folder in the file is one the content loads: no editor
        # libraries, no image library for pictures it has not got.
        assert sorted(checked.library_files) == sorted(checked.libraries)
    assert not any(name.startswith("H5PEditor.") for name in checked.library_files)


def test_the_activities_are_imported_once_per_language_and_share_their_libraries_stored_once():
    for slug in activities.H5P_ACTIVITIES:
        for language in LANGUAGES:
            activity = activities.h5p_activity(slug, language)
            assert activity.locale.language_code == language
            assert activity.translation_key == activities.H5P_KEYS[slug]
            assert activity.main_library == MAIN[slug]
    assert H5PActivity.objects.count() == len(activities.H5P_ACTIVITIES) * len(LANGUAGES)
    # Asked again, the same rows: nothing imported twice.
    assert activities.h5p_activity("article-24", "az").pk == (
        H5PActivity.objects.get(locale__language_code="az", main_library="H5P.MultiChoice").pk
    )
    assert H5PActivity.objects.count() == 9
    folders = sorted(H5PLibrary.objects.values_list("folder", flat=True))
    assert folders == sorted(path.name for path in activities.LIBRARIES.iterdir())
    # The Azerbaijani activity's content is the Azerbaijani one.
    activity = H5PActivity.objects.get(locale__language_code="az", main_library="H5P.TrueFalse")
    with h5p_storage().open(content_path(activity, "content/content.json")) as stored:
        assert "Aysunun görmə qabiliyyəti zəifdir" in stored.read().decode()


@pytest.mark.parametrize("slug", activities.H5P_ACTIVITIES)
@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_player_speaks_the_activity_language_not_english(slug, language):
    english = player_words(slug, "en")
    translated = player_words(slug, language)
    assert translated.keys() == english.keys()
    same = [field for field, text in translated.items() if text == english[field]]
    assert not same, f"{slug} ({language}) keeps the English {same}"
    # The placeholders the player fills in are kept.
    for field, text in english.items():
        for placeholder in re.findall(r"[:@]\w+", text):
            assert placeholder in translated[field], (field, placeholder)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_scorm_package_imports_in_each_language_scored_with_a_pass_mark(language):
    package = activities.scorm_package(language)
    assert package.version == ScormPackage.Version.SCORM_12
    assert package.locale.language_code == language
    assert [sco["mastery"] for sco in package.scos] == [0.8]
    assert sorted(package.files) == ["check.css", "check.js", "imsmanifest.xml", "index.html"]
    with default_storage.open(f"{package.storage_prefix}/index.html") as page:
        html = page.read().decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<fieldset") == 5
    assert activities.scorm_package(language).pk == package.pk  # found again, not imported


def test_the_scorm_page_has_no_inline_script_or_style_the_content_policy_would_block():
    for language in LANGUAGES:
        html = (activities.SCORM_FOLDER / language / "index.html").read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)
        assert not re.search(r"\son[a-z]+=", html) and "style=" not in html
    with zipfile.ZipFile(activities.scorm_archive("ru")) as archive:
        assert sorted(archive.namelist()) == [
            "check.css",
            "check.js",
            "imsmanifest.xml",
            "index.html",
        ]


def cues(language):
    """The caption texts of the language's WebVTT file, in order."""
    text = (activities.VIDEO_FOLDER / f"iep-cycle-{language}.vtt").read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n")
    blocks = [block.splitlines() for block in text.strip().split("\n\n")[1:]]
    for block in blocks:
        assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}", block[1])
    return [" ".join(block[2:]) for block in blocks]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_captions_are_the_scripts_phrases_and_the_video_is_small(language):
    script = activities.video_script()[language]
    assert cues(language) == [phrase for slide in script["slides"] for phrase in slide["captions"]]
    last = (activities.VIDEO_FOLDER / f"iep-cycle-{language}.vtt").read_text().strip()
    end = last.splitlines()[-2].split(" --> ")[1]
    assert end < "00:01:00.000"  # at most a minute
    total = sum(path.stat().st_size for path in activities.VIDEO_FOLDER.iterdir())
    assert total < 1.5 * 1024 * 1024


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_transcripts_translation_is_what_the_captions_say(language):
    """The lesson's transcript is translated in the demo's PO files: it must say what the
    video says in that language (make_video.py reads the same script)."""
    strings = {
        entry.msgid: entry.msgstr
        for path in (TRANSLATIONS / language).glob("*.po")
        for entry in polib.pofile(str(path))
    }
    script = activities.video_script()
    for english, translated in zip(script["en"]["slides"], script[language]["slides"], strict=True):
        assert strings[" ".join(english["captions"])] == " ".join(translated["captions"])
    assert strings[script["en"]["title"]] == script[language]["title"]


def test_the_video_documents_are_made_once_per_language():
    english = activities.video_documents("en")
    russian = activities.video_documents("ru")
    assert [document.file.name.rsplit(".", 1)[-1] for document in russian] == ["mp4", "vtt"]
    assert activities.video_documents("ru") == russian
    assert activities.document_translations("ru") == {
        english[0].pk: russian[0].pk,
        english[1].pk: russian[1].pk,
    }
