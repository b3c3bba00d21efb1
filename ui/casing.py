"""Capital letters as Azerbaijani writes them: i → İ and ı → I.

Python's ``str.upper`` follows no language, so ``"istifadəçi adı".upper()`` starts
with the dotless ``I`` and reads as another word. Django capitalises every form
label made from a model field's name (``django.utils.text.capfirst`` of its
translated ``verbose_name``) and the ``capfirst`` template filter does the same,
so an Azerbaijani site would show "Istifadəçi adı" on its sign-up form and
"Il", "Inventarizasiya" in its forms. :func:`capfirst` follows the active
language (Azerbaijani and Turkish dot their capital i) and :func:`adopt`, run by
``ui``'s ``AppConfig.ready``, makes Django's two ``capfirst`` use it.

Codes, barcodes and file extensions are upper-cased with ``str.upper`` on
purpose: they are identifiers in Latin letters, not Azerbaijani words.
"""

from django.utils.functional import keep_lazy_text
from django.utils.translation import get_language

# The languages whose i has a dot in capitals too, and whose I has none in small letters.
DOTTED_I = frozenset({"az", "tr"})


def dotted(language=None):
    language = language or get_language() or ""
    return language.split("-")[0].lower() in DOTTED_I


def upper(text, language=None):
    """``text`` in capitals as ``language`` (default: the active one) writes them."""
    text = str(text)
    if dotted(language):
        text = text.replace("i", "İ")
    return text.upper()


@keep_lazy_text
def capfirst(text):
    """The first letter in capitals, in the active language's way (lazy text stays lazy)."""
    if not text:
        return text
    text = str(text)
    return upper(text[0]) + text[1:]


def _capfirst_text(x):
    # Becomes the code of django.utils.text.capfirst (see adopt): it may use no
    # name of this module, only what it imports when called.
    from ui.casing import capfirst

    return capfirst(x)


def _capfirst_filter(value):
    # Becomes the code of the capfirst template filter (see adopt).
    from ui.casing import capfirst

    return value and capfirst(value)


def adopt():
    """Make Django's ``capfirst`` (function and template filter) capitalise by the language.

    Modules import ``capfirst`` by name and lazy labels keep the function they
    were made with, so replacing a module attribute would miss most callers. The
    original functions' code is swapped instead, once, and every reference
    follows. Idempotent.
    """
    from django.template import defaultfilters
    from django.utils import text

    for function, replacement in (
        (text.capfirst.__wrapped__, _capfirst_text),
        (defaultfilters.capfirst.__wrapped__, _capfirst_filter),
    ):
        if function.__code__ is not replacement.__code__:
            function.__code__ = replacement.__code__
