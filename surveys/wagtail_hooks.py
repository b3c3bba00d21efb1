"""Admin wiring of surveys: report URLs and menu items; the evaluation prompt on course pages."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.admin_views import SafeCreatePageViewSet
from lms.reports import REPORT_PERMISSION

from . import admin_views, services
from .models import CommunitySurveyPage


@hooks.register("register_admin_viewset")
def register_survey_page_viewset():
    """A survey page saved twice at once gets a form error, not a 500 (courses.admin_views)."""
    return SafeCreatePageViewSet("surveys_communitysurveypage", model=CommunitySurveyPage)


def admin_urlpatterns():
    return [
        path("evaluations/", admin_views.evaluation_index, name="evaluations"),
        path(
            "evaluations/<int:course_id>/", admin_views.evaluation_course, name="evaluation_course"
        ),
        path("community/", admin_views.community_index, name="community"),
        path("community/<int:page_id>/", admin_views.community_results, name="community_results"),
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("surveys/", include((admin_urlpatterns(), "surveys_admin"), namespace="surveys_admin"))
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def evaluations_menu_item():
    return _PermissionMenuItem(
        _("Course evaluations"),
        reverse("surveys_admin:evaluations"),
        icon_name="form",
        permission=REPORT_PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def community_menu_item():
    return _PermissionMenuItem(
        _("Community survey results"),
        reverse("surveys_admin:community"),
        icon_name="group",
        permission="wagtailadmin.access_admin",
    )


@hooks.register("insert_course_page_html")
def evaluation_prompt(request, course, enrolment):
    """Invite a learner who completed the course to evaluate it (one query)."""
    if enrolment is None or enrolment.completed_at is None:
        return ""
    return render_to_string(
        "surveys/includes/evaluation_prompt.html",
        {"course": course, "answered": services.has_answered(request.user, course)},
        request=request,
    )
