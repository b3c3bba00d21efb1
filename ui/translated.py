"""Reference data named in every language: the admin's fields and the checks on them.

Reference rows (districts, programmes, formats...) register their names with
django-modeltranslation in each app's ``translation.py``; the model then has a
column per language (``name_az``, ``name_ru``, ``name_en``) and ``name`` reads
the active language's, falling back to Azerbaijani, then English. Editors fill
in every language in the admin form::

    form_fields = [*localized("name"), "slug"]
    panels = [*localized_panels("name"), FieldPanel("slug")]

Rows made from code (a module pack's framework, the demo's subjects) take their
names from the gettext catalogues: the text is marked with ``gettext_noop``,
translated in the app's ``locale/`` like any other string, and stored in every
language's column, where editors may change it::

    Subject.objects.update_or_create(slug="autism", defaults=localized_values("name", "Autism"))
"""

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def localized(*fields):
    """The per-language column names of ``fields``, Azerbaijani first."""
    return [
        build_localized_fieldname(field, language)
        for field in fields
        for language in AVAILABLE_LANGUAGES
    ]


def localized_values(field, text):
    """``{field: text, field_az: ..., field_ru: ..., field_en: ...}`` from the catalogues.

    ``text`` is the source (English) text, marked for translation with
    ``gettext_noop`` where it is defined. The plain column keeps the source
    text (names are unique there too); it comes first, so that assigning the
    values in order leaves every language's column as given.
    """
    values = {field: text}
    for language in AVAILABLE_LANGUAGES:
        with translation.override(language):
            values[build_localized_fieldname(field, language)] = gettext(text) if text else text
    return values


def localized_panels(field, heading=None):
    """One panel with the field in every language, for a model's ``panels``."""
    return [
        MultiFieldPanel(
            [FieldPanel(name) for name in localized(field)],
            heading=heading or _("In every language"),
        )
    ]


def registered_fields():
    """``{model: [field, ...]}`` for every model with translated fields."""
    from modeltranslation.translator import translator

    return {
        model: list(translator.get_options_for_model(model).fields)
        for model in translator.get_registered_models(abstract=False)
    }


def missing_translations(languages=("az", "ru")):
    """``[(model, pk, field, language), ...]`` for every reference label with no text in a language.

    The guard behind ``tests/test_reference_labels.py``: every label the site
    ships or the demo seeds is named in Azerbaijani and Russian.
    """
    missing = []
    for model, fields in registered_fields().items():
        for field in fields:
            if model._meta.get_field(field).blank:
                continue  # an optional text (a description) may be empty in every language
            columns = [build_localized_fieldname(field, language) for language in languages]
            for row in model._default_manager.rewrite(False).values("pk", *columns):
                for language, column in zip(languages, columns, strict=True):
                    if not (row[column] or "").strip():
                        missing.append((model, row["pk"], field, language))
    return missing
