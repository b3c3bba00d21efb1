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

The registry lives in :mod:`operations.export_registry` and the writers in
:mod:`operations.export_writers`, below the export task; this module gives
their names and starts exports.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .export_registry import REFUSALS, ExportableReport, Table, get, register, registered
from .export_writers import (
    CONTENT_TYPES,
    FORMATS,
    FORMULA_STARTS,
    NeutralisedSpreadsheetMixin,
    neutral_row,
    neutralise,
    neutralised_view,
    write_table,
)

__all__ = [
    "CONTENT_TYPES",
    "DUPLICATE_SECONDS",
    "FORMATS",
    "FORMULA_STARTS",
    "REFUSALS",
    "ExportableReport",
    "NeutralisedSpreadsheetMixin",
    "Table",
    "exports_page_url",
    "get",
    "neutral_row",
    "neutralise",
    "neutralised_view",
    "register",
    "registered",
    "start_export",
    "write_table",
]

# A second click on the same download within this many seconds reuses the export.
DUPLICATE_SECONDS = 60


# Starting an export -------------------------------------------------------------


def start_export(request, key, export_format, query=None):
    """Queue an export of report ``key`` for ``request.user``; redirect to their exports.

    ``query`` (default: the request's query string without ``export`` and
    ``format``) holds the report's filters. Unknown reports and formats are a
    400; a user who may not see the report gets what the report's view gives
    (403 or 404), and no export is recorded.
    """
    # Models and tasks load when the first export starts, not when an app registers its reports.
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
    if request.user.has_perm("wagtailadmin.access_admin"):
        return reverse("operations_admin:exports")
    return reverse("report_exports")
