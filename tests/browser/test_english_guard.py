"""The guard that fails a test when an az or ru page shows English that has a translation."""

import pytest

from tests.browser.english_guard import english_on_page, english_texts

pytestmark = [pytest.mark.browser, pytest.mark.presentation]


def test_the_catalogues_give_the_guard_english_with_translations():
    texts, sentences = english_texts("az")
    assert "Mark as complete" in texts
    assert "You have completed this lesson." in texts
    assert "Azerbaijani" in texts  # "Azərbaycan dili"
    assert "OK" not in texts  # too short to tell
    # The demo's content catalogues too: a sentence of a translated lesson.
    assert any(len(sentence.split()) > 8 for sentence in sentences)


@pytest.mark.parametrize("language", ["az", "ru"])
def test_english_with_a_translation_is_found_unless_marked_as_english(page, language):
    page.set_content(
        f"""<html lang="{language}"><body>
        <p>Mark as complete</p>
        <p>Dərs. You have completed this lesson. Təbriklər!</p>
        <p lang="en">Browse the courses</p>
        <p>Inclusive classrooms</p>
        <p hidden>Find a course</p>
        </body></html>"""
    )
    assert english_on_page(page) == ["Mark as complete", "You have completed this lesson."]


def test_an_english_page_is_not_judged(page):
    page.set_content('<html lang="en"><body><p>Mark as complete</p></body></html>')
    assert english_on_page(page) == []
