"""Admin wiring of the courses app: the programme snippets, the page views and a delete guard."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.models import Enrolment

from .admin_views import SafeCreatePageViewSet
from .models import CatalogueIndexPage, CoursePage, LessonPage, ModulePage, Programme
from .models.choices import Audience


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "tag"
    menu_label = gettext_lazy("Programmes")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class CoursesViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Courses")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (ProgrammeViewSet,)


register_snippet(CoursesViewSetGroup)


@hooks.register("register_admin_viewset")
def register_course_tree_page_viewsets():
    """The course tree's page types are created through ``CreatePageView``."""
    return [
        SafeCreatePageViewSet(f"courses_{model._meta.model_name}", model=model)
        for model in (CatalogueIndexPage, CoursePage, ModulePage, LessonPage)
    ]


@hooks.register("lms_programme_names")
def programme_names():
    """The programmes' names, so that lms reports show them instead of slugs."""
    return dict(Programme.objects.values_list("slug", "name"))


@hooks.register("lms_audience_names")
def audience_names():
    """The audiences' names, so that lms reports and admin lists show them instead of slugs."""
    return dict(Audience.choices)


@hooks.register("before_delete_page")
def refuse_deleting_courses_with_learners(request, page):
    """A course with enrolled learners is unpublished, never deleted: records must stay."""
    course_ids = list(
        CoursePage.objects.filter(path__startswith=page.path, depth__gte=page.depth).values_list(
            "pk", flat=True
        )
    )
    if course_ids and Enrolment.objects.filter(course_id__in=course_ids).exists():
        messages.error(
            request,
            _(
                "This course has enrolled learners, so it cannot be deleted. "
                "Unpublish it instead: their records are kept."
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
