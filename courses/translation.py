"""Programmes, named and described in every language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Programme


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("az",)
    # No name in a language is NULL, not "": the name is unique in every language.
    empty_values = {"name": None, "description": ""}
