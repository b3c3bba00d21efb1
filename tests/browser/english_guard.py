"""The guard against English on an Azerbaijani or Russian page.

Every page the browser tests visit in az or ru is read as a person sees it:
the visible text of each element, outside any part that carries its own
``lang`` (an untranslated course, a material's original title). A text, or a
sentence of it, that is an English source with a translation (a msgid of the
site's gettext catalogues, a segment of the demo's content catalogues) means
someone meets English where their language exists: the test fails with it.
"""

import functools
import glob
import html
import os
import re

import polib

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
TAGS = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*\w+\s*\}?\}")
# Too short or too common to tell English from a shared word (a unit, a code).
MIN_LETTERS = 4


def normal(text):
    return SPACE.sub(" ", html.unescape(TAGS.sub(" ", text))).strip()


def _catalogue_files(language):
    files = glob.glob(os.path.join(ROOT, "*", "locale", language, "LC_MESSAGES", "django.po"))
    files += glob.glob(os.path.join(ROOT, "*", "*", "locale", language, "LC_MESSAGES", "django.po"))
    files += glob.glob(os.path.join(ROOT, "locale", language, "LC_MESSAGES", "django.po"))
    files += glob.glob(os.path.join(ROOT, "demo", "translations", language, "*.po"))
    return [path for path in files if ".venv" not in path and "node_modules" not in path]


@functools.cache
def english_texts(language):
    """``(texts, sentences)``: English sources translated into ``language``, normalised."""
    texts, sentences, same = set(), set(), set()
    for path in _catalogue_files(language):
        for entry in polib.pofile(path):
            if not entry.msgstr or entry.fuzzy or entry.obsolete or entry.msgid_plural:
                continue
            source, translated = normal(entry.msgid), normal(entry.msgstr)
            if source == translated:
                same.add(source)  # the word is the language's too ("Status", "Audio")
                continue
            if PLACEHOLDER.search(source):
                continue
            if sum(char.isalpha() for char in source) < MIN_LETTERS:
                continue
            texts.add(source)
            for sentence in SENTENCE_END.split(source):
                # A sentence of three words or more is English prose, not a shared term.
                if len(sentence.split()) >= 3:
                    sentences.add(sentence)
    return frozenset(texts - same), frozenset(sentences - same)


# The visible text of every element that holds text of its own, in the page's
# language (outside any element whose lang differs from the document's).
VISIBLE_TEXT_JS = """() => {
    const pageLang = (document.documentElement.lang || '').split('-')[0];
    const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);
    const found = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (skip.has(el.tagName.toUpperCase())) continue;
        const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own) continue;
        if (el.checkVisibility && !el.checkVisibility()) continue;
        const marked = el.closest('[lang]');
        if (marked && marked !== document.documentElement
            && (marked.getAttribute('lang') || '').split('-')[0] !== pageLang) continue;
        // Its text without the parts marked as another language.
        const copy = el.cloneNode(true);
        for (const other of copy.querySelectorAll('[lang]')) {
            if ((other.getAttribute('lang') || '').split('-')[0] !== pageLang) other.remove();
        }
        const hiddenParts = copy.querySelectorAll('script, style, template, [hidden]');
        for (const hidden of hiddenParts) hidden.remove();
        found.push(copy.textContent || '');
    }
    return {lang: pageLang, texts: found};
}"""


def english_on_page(page):
    """The English sources with a translation that the page shows in az or ru."""
    result = page.evaluate(VISIBLE_TEXT_JS)
    language = result["lang"]
    if language not in ("az", "ru"):
        return []
    texts, sentences = english_texts(language)
    findings = []
    for raw in result["texts"]:
        text = normal(raw)
        if text in texts:
            findings.append(text)
            continue
        findings += [sentence for sentence in SENTENCE_END.split(text) if sentence in sentences]
    return list(dict.fromkeys(findings))
