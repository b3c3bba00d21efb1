"""The reference data lms keeps, named in every language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import District, Institution


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("az",)
    # No name in a language is NULL, not "": the name is unique in every language.
    empty_values = None


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("az",)
    empty_values = None
