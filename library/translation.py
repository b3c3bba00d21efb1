"""The library's reference lists, named in every language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AccessibleFormat, Centre, Language, Subject


@register(Centre)
class CentreTranslation(TranslationOptions):
    fields = ("name", "address")
    required_languages = ("az",)
    empty_values = {"name": None, "address": ""}


@register(Subject)
class SubjectTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("az",)
    # No name in a language is NULL, not "": the name is unique in every language.
    empty_values = None


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("az",)
    empty_values = None


@register(AccessibleFormat)
class AccessibleFormatTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("az",)
    empty_values = None
