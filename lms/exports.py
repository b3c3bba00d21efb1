"""The programme reports that export in the background (see :mod:`operations.exports`).

Each function checks the user's permission as the report's view does and
builds the same rows the view shows; the export task calls it again on the
worker, so a user who lost access gets a failed export, not the data.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from operations import exports

from . import reports


def completion_table(view_class, user):
    """The rows of a completion report (a ``CompletionReport`` subclass), as its screen has them."""
    if not user.has_perm(reports.REPORT_PERMISSION):
        raise PermissionDenied
    columns = view_class().columns

    def lines():
        for row in view_class.rows(user):
            yield [row[column.name] for column in columns]

    return exports.Table(
        headings=[column.label for column in columns],
        rows=lines(),
        filename=view_class.export_filename_for(),
        sheet_title=str(view_class.page_title),
    )


def cohort_grid_table(user, query):
    if not user.has_perm(reports.REPORT_PERMISSION):
        raise PermissionDenied
    pk = query.get("cohort", "")
    if not pk.isdigit():
        raise ValidationError("cohort")
    cohort = get_object_or_404(reports.visible_cohorts(user), pk=pk)

    def lines():
        modules, rows = reports.cohort_grid(cohort)
        yield from reports.cohort_grid_lines(rows)

    modules = reports.cohort_grid_modules(cohort)
    return exports.Table(
        headings=reports.cohort_grid_headings(modules),
        rows=lines(),
        filename=f"cohort-{cohort.pk}-progress",
        sheet_title=cohort.name,
    )


def targets_table(user, query):
    if not user.has_perm("lms.view_all_reports"):
        raise PermissionDenied

    def lines():
        for r in reports.target_rows():
            yield [r["programme"], r["scope"], r["target"], r["trained"], r["percent"]]

    return exports.Table(
        headings=[_("Programme"), _("Scope"), _("Target"), _("Trained"), _("Reached (%)")],
        rows=lines(),
        filename="programme-targets",
        sheet_title=str(_("Programme targets")),
    )


def register():
    for view_class in (
        reports.CompletionByCourse,
        reports.CompletionByCohort,
        reports.CompletionByDistrict,
        reports.CompletionByInstitution,
    ):
        exports.register(
            view_class.export_key(),
            view_class.page_title,
            lambda user, query, view_class=view_class: completion_table(view_class, user),
        )
    exports.register("lms.cohort_grid", gettext_lazy("Cohort progress"), cohort_grid_table)
    exports.register("lms.targets", gettext_lazy("Programme targets"), targets_table)
