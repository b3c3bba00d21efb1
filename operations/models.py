"""Records that make background work safe to repeat.

A worker can be killed at any moment, and a task it was running is then run
again (see :mod:`operations.jobs`). :class:`CompletedEffect` is how a task
makes sure its effect (an email, a stored file, a daily run) happens once: the
row is written in the same transaction as the effect, so either both are
there or neither is. :class:`ReportExport` is a report file made in the
background for the person who asked for it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .storage import PrivateStorage


class CompletedEffect(models.Model):
    """An effect, named by a key such as ``certificate-email:42``, that has happened."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    done_at = models.DateTimeField(_("done"), auto_now_add=True)

    class Meta:
        verbose_name = _("completed effect")
        verbose_name_plural = _("completed effects")

    def __str__(self):
        return self.key


_exports_storage = PrivateStorage("exports")


def exports_storage():
    """The private storage of :class:`ReportExport` files, never MEDIA_URL (a callable, as
    migrations name it): ``STORAGES["exports"]``, or ``var/exports`` under ``BASE_DIR``."""
    return _exports_storage


class ReportExport(models.Model):
    """A report's CSV or XLSX file, made by a background task for the person who asked.

    The task rebuilds the report from ``report`` and ``query`` with the
    requester's permissions as they are when it runs, so the file holds what
    the requester's screen shows. Files live in private storage and are
    removed after ``OPERATIONS["KEEP_EXPORTS_DAYS"]``.
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="report_exports",
        verbose_name=_("requester"),
    )
    # A key of the export registry (operations.exports), e.g. ``lms.by_course``.
    report = models.CharField(_("report"), max_length=100)
    title = models.CharField(_("title"), max_length=255)
    # The report's filters, as the query string of the screen the requester saw.
    query = models.TextField(_("filters"), blank=True)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    # Headings are written in the language the requester was using.
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(_("file"), storage=exports_storage, blank=True, max_length=255)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["requester", "-created_at"], name="export_requester_created"),
            models.Index(fields=["created_at"], name="export_created"),
        ]

    def __str__(self):
        return f"{self.title} ({self.format})"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def get_download_url(self):
        return reverse("report_export_download", args=[self.pk])
