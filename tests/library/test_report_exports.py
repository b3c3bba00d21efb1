"""Desk report downloads: made by the worker for desk staff, with their centres and filters."""

import csv
import io
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from library.models import CentreStaff
from operations.models import ReportExport
from tests.library.test_reports_and_notices import report_url, screen_rows

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    """What the worker service runs, in this process: take the queued tasks, then stop.

    The worker closes old database connections between tasks; here that would
    end the test's transaction (PostgreSQL), so it keeps the connection.
    """
    with patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("run_worker", "--batch", "--worker-id", "test-worker", verbosity=0)


def downloaded(client, export):
    response = client.get(export.get_download_url())
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@override_settings(TASKS=DATABASE_TASKS)
def test_filtered_exports_are_made_by_the_worker_and_equal_the_filtered_screen(
    staff_client, staff, centre, activity
):
    url = report_url(centre, "in-transit")
    filters = {"centre": centre.code, "start": "2000-01-01"}
    screen = screen_rows(staff_client.get(url, filters))
    assert screen

    for export_format in ("csv", "xlsx"):
        response = staff_client.get(url, {**filters, "format": export_format})
        # Desk staff without the admin follow their exports on the site's page.
        assert response["Location"] == reverse("report_exports")
    exports = ReportExport.objects.order_by("pk")
    assert [export.status for export in exports] == ["queued", "queued"]
    assert all("desk=bak1" in export.query and "centre=bak1" in export.query for export in exports)
    assert b"data-refresh-seconds" in staff_client.get(reverse("report_exports")).content

    run_worker()
    csv_export, xlsx_export = ReportExport.objects.order_by("pk")
    assert (csv_export.status, xlsx_export.status) == ("done", "done")
    text = downloaded(staff_client, csv_export).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1:] == screen
    sheet = load_workbook(io.BytesIO(downloaded(staff_client, xlsx_export))).active
    assert [[str(c) for c in row] for row in sheet.iter_rows(values_only=True)][1:] == screen
    assert len(mail.outbox) == 2
    page = staff_client.get(reverse("report_exports"))
    assert csv_export.get_download_url().encode() in page.content


def test_another_centres_staff_cannot_download_the_file(client, staff_client, other_staff, centre):
    staff_client.get(report_url(centre, "overdue"), {"format": "csv"})
    export = ReportExport.objects.get()
    assert export.status == "done"
    client.force_login(other_staff)
    assert client.get(export.get_download_url()).status_code == 404


@override_settings(TASKS=DATABASE_TASKS)
def test_staff_who_left_the_centre_before_the_worker_ran_get_a_failed_export(
    staff_client, staff, centre, activity
):
    staff_client.get(report_url(centre, "overdue"), {"format": "csv"})
    CentreStaff.objects.filter(user=staff).delete()
    run_worker()
    export = ReportExport.objects.get()
    assert export.status == "failed"
    assert not export.file
    assert mail.outbox == []


def test_an_unknown_format_is_a_bad_request(staff_client, centre):
    assert staff_client.get(report_url(centre, "overdue"), {"format": "ods"}).status_code == 400
    assert not ReportExport.objects.exists()


def test_someone_off_the_staff_cannot_start_an_export(client, other_staff, centre):
    client.force_login(other_staff)
    assert client.get(report_url(centre, "overdue"), {"format": "csv"}).status_code == 403
    assert not ReportExport.objects.exists()
