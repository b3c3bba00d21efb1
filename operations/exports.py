"""Report exports made in the background: the registry of exportable reports and the writers.

An app registers each report it can export, with a function that builds the
report for a user and the report's filters (a ``QueryDict``)::

    from operations import exports

    def by_course(user, query):
        if not user.has_perm("lms.view_cohort"):
            raise PermissionDenied
        return exports.Table(headings, rows, filename="by-course-report")

    exports.register("lms.by_course", gettext_lazy("Completion by course"), by_course)

The function checks permissions and filters at once (raising
``PermissionDenied``, ``Http404`` or ``ValidationError``) and may leave the
rows lazy (a generator, a queryset's ``iterator()``): the request calls it to
refuse what the user may not have, the task calls it again on the worker and
writes the rows one by one (:func:`write_table`), so memory does not grow
with the number of rows. The report's view gives the same function's rows to
its screen, so the file is what the screen shows.

A view starts an export with :func:`start_export`, which answers 400 to an
unknown report or format and redirects to the requester's list of exports.

Every text cell of every download goes through :func:`neutralise`, so a name
such as ``=HYPERLINK(...)`` reaches a spreadsheet program as text, never as a
formula. Wagtail's own downloads (a form page's submissions) get the same
through :func:`neutralised_view`.
"""

import csv
import functools
import io
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A second click on the same download within this many seconds reuses the export.
DUPLICATE_SECONDS = 60
# What the report's function raises when the user may not have the report.
REFUSALS = (PermissionDenied, Http404, ValidationError)


@dataclass
class Table:
    """Headings and rows (any iterable of sequences) of a report, and its file name."""

    headings: list
    rows: object
    filename: str
    sheet_title: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ExportableReport:
    key: str
    title: object
    build: object  # (user, QueryDict) -> Table


_registry = {}


def register(key, title, build):
    _registry[key] = ExportableReport(key, title, build)
    return build


def get(key):
    return _registry.get(key)


def registered():
    return dict(_registry)


# Writers ----------------------------------------------------------------------

# What makes a spreadsheet program read a cell as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` as a download's cell: text that would start a formula gets a leading ``'``.

    Numbers, dates and other typed values stay as they are (a negative number
    is a number, not text); lazy translations become text.
    """
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutral_row(row):
    return [neutralise(value) for value in row]


class NeutralisedSpreadsheetMixin:
    """For a Wagtail view with ``SpreadsheetExportMixin``: every cell through :func:`neutralise`."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


@functools.cache
def neutralised_view(view_class):
    """``view_class`` (a Wagtail view that downloads CSV/XLSX) with its cells neutralised."""
    return type(view_class.__name__, (NeutralisedSpreadsheetMixin, view_class), {})


def write_table(table, export_format, out):
    """Write ``table`` to the binary file ``out`` row by row; return the number of rows."""
    if export_format == "xlsx":
        return _write_xlsx(table, out)
    return _write_csv(table, out)


def _write_csv(table, out):
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        text.write("\ufeff")  # so spreadsheet programs read UTF-8 (az, ru) correctly
        writer = csv.writer(text)
        writer.writerow(neutral_row(str(heading) for heading in table.headings))
        count = 0
        for row in table.rows:
            writer.writerow(neutral_row(row))
            count += 1
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
    return count


def _write_xlsx(table, out):
    from openpyxl import Workbook

    # Write-only mode streams rows to a temporary file: memory stays flat.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(table.sheet_title or table.filename)[:31] or None)
    # Neutralised text never starts with "=", so openpyxl stores it as text, not a formula.
    sheet.append(neutral_row(str(heading) for heading in table.headings))
    count = 0
    for row in table.rows:
        sheet.append(neutral_row(row))
        count += 1
    workbook.save(out)
    return count


# Starting an export -------------------------------------------------------------


def start_export(request, key, export_format, query=None):
    """Queue an export of report ``key`` for ``request.user``; redirect to their exports.

    ``query`` (default: the request's query string without ``export`` and
    ``format``) holds the report's filters. Unknown reports and formats are a
    400; a user who may not see the report gets what the report's view gives
    (403 or 404), and no export is recorded.
    """
    from .models import ReportExport
    from .tasks import build_report_export

    spec = get(key)
    if spec is None or export_format not in FORMATS:
        return HttpResponseBadRequest(_("Unknown report or format."))
    if query is None:
        query = request.GET.copy()
        for name in ("export", "format"):
            query.pop(name, None)
    try:
        spec.build(request.user, query)  # permissions and filters; rows stay lazy
    except ValidationError:
        return HttpResponseBadRequest(_("The report's filters are not valid."))
    querystring = query.urlencode()
    recent = ReportExport.objects.filter(
        requester=request.user,
        report=key,
        query=querystring,
        format=export_format,
        status__in=[ReportExport.Status.QUEUED, ReportExport.Status.RUNNING],
        created_at__gte=timezone.now() - timedelta(seconds=DUPLICATE_SECONDS),
    ).first()
    if recent is None:
        export = ReportExport.objects.create(
            requester=request.user,
            report=key,
            title=str(spec.title)[:255],
            query=querystring,
            format=export_format,
            language=translation.get_language() or "",
        )
        build_report_export.enqueue(export.pk)
    return redirect(exports_page_url(request))


def exports_page_url(request):
    """The admin's "My exports" for those who use the admin, the site's page for others."""
    from django.urls import reverse

    if request.user.has_perm("wagtailadmin.access_admin"):
        return reverse("operations_admin:exports")
    return reverse("report_exports")
