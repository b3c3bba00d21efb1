"""The language of parts of a page (WCAG 3.1.2), for every app's templates.

A page reads in the visitor's language, but some of what it shows does not: an
English course in an Azerbaijani catalogue, a material's original title, a
teacher's name kept in Azerbaijani on a Russian page. Each such part carries
its own ``lang`` so that a screen reader pronounces it in its language::

    {% load language_tags %}
    <h1{% lang_attr page.locale.language_code %}>{{ page.title }}</h1>
    <td{% lang_attr_of learner_name "az" %}>{{ learner_name }}</td>

Both print nothing when the part is in the page's own language.
"""

import re

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Letters of Azerbaijani's Latin alphabet that English, Russian and most names lack.
AZERBAIJANI = re.compile(r"[ƏəĞğıİŞşÇçÖöÜü]")
LATIN = re.compile(r"[A-Za-z]")


def page_language():
    return (get_language() or "").split("-")[0]


def language_of_text(text):
    """The language ``text`` is evidently in: "ru" for Cyrillic, "az" for Azerbaijani letters.

    Empty when the letters do not tell (plain Latin: English, or a name in any
    language), so the part keeps the page's language.
    """
    text = str(text or "")
    if CYRILLIC.search(text):
        return "ru"
    if AZERBAIJANI.search(text):
        return "az"
    return ""


@register.simple_tag
def lang_attr(code):
    """`` lang="…"`` when ``code`` is a language other than the page's, else nothing."""
    code = str(code or "").split("-")[0]
    if not code or code == page_language():
        return ""
    return format_html(' lang="{}"', code)


@register.simple_tag
def lang_attr_of(text, latin=""):
    """`` lang="…"`` for text whose letters show another language (a name, a title).

    ``latin`` is the language to assume for plain Latin text on a page in
    another script: people's names here are Azerbaijani, so
    ``{% lang_attr_of learner_name "az" %}`` marks "Aysel Quliyeva" on a
    Russian page as Azerbaijani.
    """
    language = language_of_text(text)
    if not language and latin and LATIN.search(str(text or "")) and page_language() == "ru":
        language = latin
    return lang_attr(language)


@register.filter
def text_language(text):
    """The language ``text`` is evidently in (see :func:`language_of_text`)."""
    return language_of_text(text)


_LOCALE_LANGUAGES = {}


def _forget_locales(**kwargs):
    _LOCALE_LANGUAGES.clear()


def locale_language(locale_id):
    """The language code of the locale ``locale_id``; the few locales are read once."""
    if locale_id not in _LOCALE_LANGUAGES:
        from wagtail.models import Locale

        _LOCALE_LANGUAGES.clear()
        _LOCALE_LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_LANGUAGES.get(locale_id, "")


@register.simple_tag
def content_lang_attr(page, block=None):
    """`` lang="…"`` for a page's text (or one of its blocks) in another language than the page's.

    An activity block (H5P, SCORM, a quiz: a block that says how it completes a
    lesson) speaks the interface's language in its buttons, so it is left as is.
    """
    if block is not None and hasattr(getattr(block, "block", None), "completion_source"):
        return ""
    locale_id = getattr(page, "locale_id", None)
    return lang_attr(locale_language(locale_id) if locale_id is not None else "")


@register.simple_tag
def label_lang_attr(row, field="name"):
    """`` lang="…"`` for a reference label read in a fallback language.

    A district or programme with no name in the page's language shows its
    Azerbaijani or English name (django-modeltranslation's fallback): that
    name carries the language it is in.
    """
    if row is None or not hasattr(row, f"{field}_{page_language()}"):
        return ""
    if getattr(row, f"{field}_{page_language()}", None):
        return ""
    fallbacks = getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", ())
    if isinstance(fallbacks, dict):
        fallbacks = fallbacks.get("default", ())
    for language in fallbacks:
        if getattr(row, f"{field}_{language}", None):
            return lang_attr(language)
    return ""
