"""Search that understands Azerbaijani, Russian and English, on any Wagtail search backend.

Every search a person types (the library catalogue and its API, the desk's search
field, the course catalogue) goes through :func:`search`, so they all agree. Two
things make it work the same on SQLite (FTS5) and PostgreSQL (full-text search):

* **Folding, on both sides.** :func:`fold` lower-cases the way Azerbaijani and
  Russian readers expect and drops what people leave out when they type on a phone
  or a foreign keyboard: ``İ``, ``I``, ``ı`` and ``i`` are one letter, ``ё`` is
  ``е``, ``ə`` is ``e``, and accents go (``ş`` → ``s``, ``ü`` → ``u``). A model
  indexes its folded text through :class:`FoldedAutocompleteField`, beside its
  ordinary fields (which Wagtail's admin keeps searching as before).
* **Word stems as prefixes.** :func:`query_keys` cuts each word of the query to
  its stem (Snowball's Russian stemmer for Cyrillic words, the English and Turkish
  ones for Latin words, the shorter wins) and Wagtail's ``autocomplete()`` matches
  every key as the start of a word: "брайль" finds «Брайля», "autizm" finds
  "autizmli", "magnif" finds "magnifier". A noun in -изм/-izm/-ism keeps only its
  root, so "аутизм" finds «аутистического» and "autism" finds "autistic"; a
  Russian noun whose last vowel drops when inflected matches without it
  ("ребёнок" finds «ребёнка»).

Usage::

    from ui.search import FoldedAutocompleteField, search

    class Material(index.Indexed, models.Model):
        search_fields = [..., FoldedAutocompleteField("title")]

    results = search(Material, "Азбука брайля")          # Wagtail search results
    ids = matching_ids(Material, "ISMAYILOVA")            # a queryset of primary keys

docs/library.md ("Search") records which approach finds how many of twenty real
queries on each database.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer
from django.conf import settings
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText

# Letters folded before anything else: the four Azerbaijani (and Turkish) i's are one,
# and the schwa, which no decomposition reaches, reads as e.
LETTERS = str.maketrans({"İ": "i", "I": "i", "ı": "i", "ə": "e", "Ə": "e"})
WORD = re.compile(r"[^\W_]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A stem shorter than this matches too much: "ре" would find half the catalogue.
MIN_KEY = 4
# No query needs more: a pasted paragraph is cut rather than sent to the database whole.
MAX_KEYS = 8
MAX_KEY_LENGTH = 40
# Words that carry no subject in a catalogue search; dropped unless the query has no other.
STOPWORDS = frozenset(
    ["a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"]
    + ["ve", "ile", "ucun", "bu", "da", "de"]
    + ["в", "во", "и", "или", "к", "ко", "на", "о", "об", "от", "по", "с", "со", "у"]
    + ["для", "из", "за", "при", "про"]
)
# -ism nouns and their -ist adjectives share a root: аутизм/аутистический, autism/autistic.
ISM = ("изм", "izm", "ism")
# A Russian noun in -ок/-ек/-ец loses that vowel when inflected: ребёнок/ребёнка, звонок/звонка.
FLEETING = re.compile(r"[бвгджзклмнпрстфхцчшщ][ое][кц]$")


def fold(text):
    """``text`` lower-cased and without accents, as its words joined by spaces.

    The same on both sides of a search: what is indexed and what is typed.
    """
    text = unicodedata.normalize("NFKD", str(text or "").translate(LETTERS).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(WORD.findall(text.translate(LETTERS)))


@cache
def _stemmer(language):
    return snowballstemmer.stemmer(language)


def _common_prefix(word, stem):
    length = 0
    for a, b in zip(word, stem, strict=False):
        if a != b:
            break
        length += 1
    return word[:length]


def word_key(word):
    """The start of every form of ``word`` (already folded) that a search should match."""
    languages = ("russian",) if CYRILLIC.search(word) else ("english", "turkish")
    key = min(
        (_common_prefix(word, _stemmer(language).stemWord(word)) for language in languages),
        key=len,
    )
    if len(word) >= 6 and (word.endswith(ISM) or FLEETING.search(word)):
        key = min(key, word[:-2], key=len)
    return word[: max(len(key), MIN_KEY)][:MAX_KEY_LENGTH]


def query_keys(query):
    """The keys to match for ``query``: one per word that says something, at most eight."""
    words = fold(query).split()
    meaningful = [word for word in words if word not in STOPWORDS] or words
    keys = []
    for word in meaningful:
        key = word_key(word)
        if key not in keys:
            keys.append(key)
    return keys[:MAX_KEYS]


def search(model_or_queryset, query, *, order_by_relevance=True):
    """Wagtail search results for ``query``: every key must start a word of the folded text.

    Empty results when the query has no word (punctuation, control characters).
    """
    keys = query_keys(query)
    if not keys:
        return get_search_backend().search("", model_or_queryset)
    return get_search_backend().autocomplete(
        And([PlainText(key) for key in keys]),
        model_or_queryset,
        order_by_relevance=order_by_relevance,
    )


def matching_ids(model_or_queryset, query):
    """The primary keys matching ``query``, as a queryset to filter by (``pk__in=``).

    Wagtail's database backends give their results as a queryset, so a caller's
    filter becomes one query; a search server's results become a list.
    """
    results = search(model_or_queryset, query, order_by_relevance=False)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return get_queryset().order_by().values("pk")
    return [obj.pk for obj in results]


class FoldedAutocompleteField(index.AutocompleteField):
    """An autocomplete field indexed as :func:`fold` writes it, for :func:`search`.

    Where the field is translated (``name_az``, ``name_ru``, ... beside ``name``), every
    language's text is indexed, so a search finds it whichever language is active.
    """

    def get_value(self, obj):
        value = super().get_value(obj)
        # Rich text gives its searchable content as a list of strings.
        values = list(value) if isinstance(value, list | tuple) else [value]
        for code, _name in settings.LANGUAGES:
            translated = getattr(obj, f"{self.field_name}_{code.replace('-', '_')}", None)
            if isinstance(translated, str):
                values.append(translated)
        folded = []
        for value in values:
            text = fold(value)
            if text and text not in folded:
                folded.append(text)
        return " ".join(folded)
