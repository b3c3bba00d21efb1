"""Survey reports in the Wagtail admin: course evaluations and community survey results."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.contrib.forms.utils import get_forms_for_user

from courses.models import CoursePage
from lms.reports import REPORT_PERMISSION, spreadsheet_response, visible_cohorts

from . import reports
from .evaluation import MIN_GROUP_SIZE, SCALE
from .models import CommunitySurveyPage


def _require_reports(user):
    if not user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied


def evaluation_index(request):
    _require_reports(request.user)
    return TemplateResponse(
        request,
        "surveys/admin/evaluation_index.html",
        {"rows": reports.course_rows(request.user), "min_group_size": MIN_GROUP_SIZE},
    )


def evaluation_course(request, course_id):
    _require_reports(request.user)
    courses = CoursePage.objects.all()
    visible = reports.visible_course_ids(request.user)
    if visible is not None:
        courses = courses.filter(pk__in=visible)
    course = get_object_or_404(courses, pk=course_id)
    cohort = None
    if request.GET.get("cohort"):
        try:
            cohort_id = int(request.GET["cohort"])
        except ValueError:
            cohort_id = None
        cohort = get_object_or_404(visible_cohorts(request.user), pk=cohort_id)
    report = reports.course_report(course, request.user, cohort=cohort)
    hidden = not report["totals"]["shown"]
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        if hidden:
            raise PermissionDenied
        headings, rows = reports.course_export_rows(report)
        suffix = f"-cohort-{cohort.pk}" if cohort else ""
        return spreadsheet_response(headings, rows, export, f"evaluation-{course.pk}{suffix}")
    return TemplateResponse(
        request,
        "surveys/admin/evaluation_course.html",
        {
            "course": course,
            "cohort": cohort,
            "report": report,
            "hidden": hidden,
            "scale": SCALE,
            "min_group_size": MIN_GROUP_SIZE,
        },
    )


def _survey_pages(user):
    form_pages = get_forms_for_user(user)
    return CommunitySurveyPage.objects.filter(pk__in=form_pages.values("pk"))


def community_index(request):
    """The surveys whose form submissions the user may see (Wagtail's own rule)."""
    pages = _survey_pages(request.user).order_by("title")
    return TemplateResponse(request, "surveys/admin/community_index.html", {"pages": pages})


def community_results(request, page_id):
    page = get_object_or_404(_survey_pages(request.user), pk=page_id)
    groups, results = reports.results_by_group(page)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        headings, rows = reports.community_export_rows(groups, results)
        return spreadsheet_response(headings, rows, export, f"survey-{page.pk}-results")
    return TemplateResponse(
        request,
        "surveys/admin/community_results.html",
        {"page": page, "groups": groups, "results": results},
    )
