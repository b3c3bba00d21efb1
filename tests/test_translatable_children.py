"""What a page or snippet lists in its own rows is translated with it.

wagtail-localize translates a child relation (an InlinePanel's rows) only when
the child's model is itself translatable; otherwise every translation shows the
source's rows, in English. A course's learning outcomes and a question's options
did, on every Azerbaijani and Russian page, and no catalogue could catch it.
"""

from django.apps import apps
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, TranslatableMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from tests.test_app_dependencies import PLATFORM


def words(model):
    """The fields of ``model`` a person writes words in."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and field.editable
        and not field.choices
        and not isinstance(field, models.SlugField | models.EmailField | models.URLField)
    ]


def translatable_models():
    return [
        model
        for model in apps.get_models()
        if model.__module__.split(".")[0] in PLATFORM and issubclass(model, TranslatableMixin)
    ]


def test_the_platform_has_translatable_models_with_rows():
    assert any(get_all_child_relations(model) for model in translatable_models())


def test_every_child_relation_with_words_is_translated_with_its_parent():
    untranslated = []
    for model in translatable_models():
        translated = {
            field.field_name
            for field in get_translatable_fields(model)
            if isinstance(field, TranslatableField)
        }
        for relation in get_all_child_relations(model):
            child = relation.related_model
            # Editors' comments stay with the page they were made on (wagtail-localize too).
            if relation.name == COMMENTS_RELATION_NAME:
                continue
            if words(child) and relation.name not in translated:
                untranslated.append(f"{model.__name__}.{relation.name} ({', '.join(words(child))})")
    assert not untranslated, (
        "Rows with words that every translation would show in the source's language "
        "(make their model TranslatableMixin): " + "; ".join(untranslated)
    )
