"""Survey reports in the Wagtail admin: course evaluations and community survey results.

Downloads are made in the background (:mod:`surveys.exports`) from the same reports.
"""

from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.contrib.forms.utils import get_forms_for_user

from courses.models import CoursePage
from lms.reports import REPORT_PERMISSION, visible_cohorts
from operations.exports import start_export

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


def evaluation_for(user, course_id, cohort_param):
    """The evaluation report of a course (and cohort) as ``user`` may read it.

    The screen and its export (:mod:`surveys.exports`) both read it from here.
    """
    _require_reports(user)
    courses = CoursePage.objects.all()
    visible = reports.visible_course_ids(user)
    if visible is not None:
        courses = courses.filter(pk__in=visible)
    course = get_object_or_404(courses, pk=course_id)
    cohort = None
    if cohort_param:
        try:
            cohort_id = int(cohort_param)
        except ValueError:
            cohort_id = None
        cohort = get_object_or_404(visible_cohorts(user), pk=cohort_id)
    return course, cohort, reports.course_report(course, user, cohort=cohort)


def evaluation_course(request, course_id):
    course, cohort, report = evaluation_for(request.user, course_id, request.GET.get("cohort"))
    hidden = not report["totals"]["shown"]
    export = request.GET.get("export")
    if export:
        if hidden:
            raise PermissionDenied
        query = QueryDict(mutable=True)
        query["course"] = str(course.pk)
        if cohort:
            query["cohort"] = str(cohort.pk)
        return start_export(request, "surveys.evaluation", export, query=query)
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


def community_page_for(user, page_id):
    return get_object_or_404(_survey_pages(user), pk=page_id)


def community_results(request, page_id):
    page = community_page_for(request.user, page_id)
    export = request.GET.get("export")
    if export:
        return start_export(
            request, "surveys.community", export, query=QueryDict(f"page={page.pk}")
        )
    groups, results = reports.results_by_group(page)
    return TemplateResponse(
        request,
        "surveys/admin/community_results.html",
        {"page": page, "groups": groups, "results": results},
    )
