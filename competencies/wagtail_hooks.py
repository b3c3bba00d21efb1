"""Admin for competency frameworks: frameworks and their competencies, mapped to lessons."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ui.translated import localized

from .models import Competency, Framework


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "list-ul"
    menu_label = _("Frameworks")
    list_display = ["name", "slug", "pack"]
    search_fields = ["name"]
    form_fields = [*localized("name"), "slug", *localized("description")]


class CompetencyViewSet(ModelViewSet):
    model = Competency
    icon = "tick-inverse"
    menu_label = _("Competencies")
    list_display = ["code", "title", "kind", "framework"]
    list_filter = ["framework", "kind"]
    search_fields = ["title", "code"]


class CompetenciesViewSetGroup(ViewSetGroup):
    menu_label = _("Competencies")
    menu_icon = "tick-inverse"
    menu_order = 260
    items = (FrameworkViewSet, CompetencyViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CompetenciesViewSetGroup()
