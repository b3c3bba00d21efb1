"""The survey reports that export in the background (see :mod:`operations.exports`).

Each function reads the report as its admin view does, with the user's
permissions at the time it runs (on the worker, for the export).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy

from operations import exports

from . import reports


def _id(query, name):
    value = query.get(name, "")
    if not value.isdigit():
        raise ValidationError(name)
    return int(value)


def evaluation_table(user, query):
    from .admin_views import evaluation_for

    course, cohort, report = evaluation_for(user, _id(query, "course"), query.get("cohort"))
    if not report["totals"]["shown"]:
        raise PermissionDenied  # fewer answers than the minimum: nothing to show
    headings, rows = reports.course_export_rows(report)
    suffix = f"-cohort-{cohort.pk}" if cohort else ""
    return exports.Table(
        headings=headings,
        rows=iter(rows),
        filename=f"evaluation-{course.pk}{suffix}",
        sheet_title=course.title,
    )


def community_table(user, query):
    from .admin_views import community_page_for

    page = community_page_for(user, _id(query, "page"))

    def lines():
        groups, results = reports.results_by_group(page)
        yield from reports.community_export_rows(groups, results)[1]

    # The headings name the page's respondent groups: one small query.
    groups = reports.group_progress(page)
    headings = reports.community_export_rows(groups, [])[0]
    return exports.Table(
        headings=headings,
        rows=lines(),
        filename=f"survey-{page.pk}-results",
        sheet_title=page.title,
    )


def register():
    exports.register("surveys.evaluation", gettext_lazy("Course evaluation"), evaluation_table)
    exports.register("surveys.community", gettext_lazy("Community survey results"), community_table)
