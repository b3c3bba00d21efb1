"""Admin wiring of the question bank: categories and questions as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Question, QuestionCategory


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["prompt", "kind", "category", "points"]
    list_filter = ["kind", "category"]
    search_fields = ["prompt"]


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-inverse"
    menu_label = _("Question categories")
    list_display = ["name", "course"]


class QuestionBankGroup(ViewSetGroup):
    menu_label = _("Question bank")
    menu_icon = "help"
    menu_order = 210
    items = (QuestionViewSet, QuestionCategoryViewSet)


register_snippet(QuestionBankGroup)
