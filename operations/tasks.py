"""Background work of the operations app: report exports, and their clean-up.

Tasks take ids and read the rows afresh; a task run twice (a retried enqueue,
a killed worker's task requeued) stores one file and sends one email, guarded
by :func:`operations.effects.run_once`.
"""

import logging
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.core.mail import send_mail
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .effects import run_once
from .export_registry import REFUSALS
from .export_registry import get as get_report
from .export_writers import write_table
from .jobs import operations_setting
from .models import ReportExport

logger = logging.getLogger(__name__)


def export_file_name(export, filename):
    return f"{export.pk}/{filename}.{export.format}"


def _fail(export, message):
    export.status = ReportExport.Status.FAILED
    export.error = message
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "error", "finished_at"])


@task()
def build_report_export(export_id):
    """Build the export's file with the requester's current permissions, then email them."""
    export = ReportExport.objects.select_related("requester").filter(pk=export_id).first()
    if export is None or export.status == ReportExport.Status.FAILED:
        return None
    if export.status != ReportExport.Status.DONE:
        _build(export)
    if export.status == ReportExport.Status.DONE:
        run_once(f"report-export-email:{export.pk}", lambda: send_export_ready(export))
    return export.status


def _build(export):
    ReportExport.objects.filter(pk=export.pk).update(status=ReportExport.Status.RUNNING)
    spec = get_report(export.report)
    requester = export.requester
    with translation.override(export.language or settings.LANGUAGE_CODE):
        if spec is None or not requester.is_active:
            _fail(export, _("This report can no longer be exported for you."))
            return
        try:
            table = spec.build(requester, QueryDict(export.query))
        except REFUSALS:
            _fail(export, _("You no longer have access to this report."))
            return
        # Rows go to a temporary file one by one, then to private storage in chunks.
        with tempfile.TemporaryFile() as scratch:
            try:
                count = write_table(table, export.format, scratch)
            except Exception:
                logger.exception("Report export %s failed", export.pk)
                _fail(export, _("The export could not be made. Please try again."))
                return
            name = export_file_name(export, table.filename)

            def store():
                storage = export.file.storage
                # A run killed after storing the file but before committing left it behind.
                if storage.exists(name):
                    storage.delete(name)
                scratch.seek(0)
                export.file.save(name, File(scratch), save=False)
                export.status = ReportExport.Status.DONE
                export.row_count = count
                export.error = ""
                export.finished_at = timezone.now()
                export.save(update_fields=["file", "status", "row_count", "error", "finished_at"])

            if not run_once(f"report-export:{export.pk}", store):
                export.refresh_from_db()


def send_export_ready(export):
    """Tell the requester, in the language they asked in, that their file is ready."""
    if not export.requester.email:
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(export.language or settings.LANGUAGE_CODE):
        context = {
            "export": export,
            "user": export.requester,
            "download_url": base + export.get_download_url(),
            "exports_url": base + reverse("report_exports"),
            "keep_days": operations_setting("KEEP_EXPORTS_DAYS"),
        }
        send_mail(
            subject=_("Your export “%(title)s” is ready") % {"title": export.title},
            message=render_to_string("operations/email/export_ready.txt", context),
            from_email=None,
            recipient_list=[export.requester.email],
        )


@task()
def prune_report_exports():
    """Delete exports (and their files) older than ``KEEP_EXPORTS_DAYS``; return how many."""
    cutoff = timezone.now() - timedelta(days=operations_setting("KEEP_EXPORTS_DAYS"))
    removed = 0
    for export in list(ReportExport.objects.filter(created_at__lt=cutoff)):
        if export.file:
            export.file.delete(save=False)
        export.delete()
        removed += 1
    return removed
