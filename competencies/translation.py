"""Competency frameworks and their items, in every language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Competency, Framework


@register(Framework)
class FrameworkTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("az",)
    empty_values = {"name": None, "description": ""}


@register(Competency)
class CompetencyTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("az",)
    empty_values = {"title": None, "description": ""}
