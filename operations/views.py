"""A health check for load balancers and the stack tests; the requester's report exports."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from .exports import CONTENT_TYPES
from .jobs import operations_setting
from .models import ReportExport

EXPORTS_SHOWN = 50


@never_cache
def healthz(request):
    """200 when the database and the cache answer, 503 (saying which failed) otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # any failure means unhealthy
        checks["database"] = type(error).__name__
    try:
        cache.set("healthz", "ok", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "missing"
    except Exception as error:
        checks["cache"] = type(error).__name__
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


# Report exports ---------------------------------------------------------------


def _exports_context(request):
    mine = ReportExport.objects.filter(requester=request.user).only(
        "pk",
        "title",
        "format",
        "status",
        "error",
        "file",
        "row_count",
        "created_at",
        "finished_at",
    )[:EXPORTS_SHOWN]
    exports = list(mine)
    return {
        "exports": exports,
        "pending": any(not export.is_finished for export in exports),
        "keep_days": operations_setting("KEEP_EXPORTS_DAYS"),
    }


@login_required
@never_cache
def my_exports(request, template="operations/my_exports.html"):
    """The requester's report exports, newest first; refreshes itself while any is pending."""
    return TemplateResponse(request, template, _exports_context(request))


@login_required
@never_cache
def download_export(request, pk):
    """The export's file, to its requester (and superusers) only; 404 to everyone else."""
    exports = ReportExport.objects.all()
    if not request.user.is_superuser:
        exports = exports.filter(requester=request.user)
    export = get_object_or_404(exports, pk=pk, status=ReportExport.Status.DONE)
    if not export.file:
        raise Http404
    try:
        handle = export.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=export.file.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES[export.format],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
