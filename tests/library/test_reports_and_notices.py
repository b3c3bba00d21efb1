"""Reports (screen, CSV and XLSX give the same rows) and the email notices."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from library import services
from library.models import Hold, Notice
from library.notices import send_notices
from library.reports import REPORTS
from tests.helpers import exported_file

pytestmark = pytest.mark.django_db


def report_url(centre, slug, **params):
    return reverse("library:report", kwargs={"centre": centre.code, "slug": slug})


def screen_rows(response):
    return [[str(cell) for cell in row] for row in response.context["report"].rows]


@pytest.mark.parametrize("slug", list(REPORTS))
def test_csv_and_xlsx_exports_hold_the_same_rows_as_the_screen(
    staff_client, centre, activity, slug
):
    url = report_url(centre, slug)
    screen = screen_rows(staff_client.get(url))
    assert screen, f"{slug} should have rows in this fixture"
    text = exported_file(staff_client, url, {"format": "csv"}).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1:] == screen
    workbook = load_workbook(io.BytesIO(exported_file(staff_client, url, {"format": "xlsx"})))
    sheet_rows = [[str(c) for c in row] for row in workbook.active.iter_rows(values_only=True)]
    assert sheet_rows[1:] == screen


def test_reports_cover_only_the_staff_members_own_centres(staff_client, centre, activity):
    rows = screen_rows(staff_client.get(report_url(centre, "overdue")))
    assert [row[0] for row in rows] == ["R-1"]  # not Ganja's overdue G-1


def test_the_overdue_report_lists_open_late_loans(staff_client, centre, activity):
    [row] = screen_rows(staff_client.get(report_url(centre, "overdue")))
    assert row[0] == "R-1" and int(row[-1]) >= 18


def test_loans_by_month_counts_each_centres_loans(staff_client, centre, activity):
    rows = screen_rows(staff_client.get(report_url(centre, "loans-by-month")))
    assert sum(int(row[2]) for row in rows) == 2


def test_never_lent_lists_copies_with_no_loan(staff_client, centre, activity):
    barcodes = [row[0] for row in screen_rows(staff_client.get(report_url(centre, "never-lent")))]
    assert "R-3" in barcodes and "R-1" not in barcodes


def test_an_unknown_report_is_not_found(staff_client, centre):
    assert staff_client.get(report_url(centre, "salaries")).status_code == 404


def test_send_notices_emails_overdue_patrons_once_a_day(activity, patron):
    sent = send_notices()
    assert sent["overdue"] == 1
    [message] = [m for m in mail.outbox if patron.email in m.to and "Overdue" in m.subject]
    assert "R-1" in message.body and "G-1" in message.body
    mail.outbox.clear()
    assert send_notices().get("overdue") is None
    assert mail.outbox == []
    assert Notice.objects.filter(patron=patron, kind="overdue").count() == 1


def test_send_notices_reminds_of_loans_due_soon(staff, centre, patron, copy):
    services.checkout(staff, centre, patron, copy.barcode, now=timezone.now() - timedelta(days=20))
    assert send_notices()["due_soon"] == 1
    assert "due back soon" in mail.outbox[0].body


def test_send_notices_tells_a_patron_once_that_a_hold_is_ready(staff, centre, patron, copy):
    services.place_hold(patron, copy.material, centre)
    services.checkin(staff, centre, copy.barcode)
    assert send_notices()["hold_ready"] == 1
    assert centre.name in mail.outbox[0].body
    assert send_notices().get("hold_ready") is None
    assert len(mail.outbox) == 1


def test_send_notices_expires_uncollected_holds_and_says_so(staff, centre, patron, copy):
    hold = services.place_hold(patron, copy.material, centre)
    services.checkin(staff, centre, copy.barcode)
    sent = send_notices(now=timezone.now() + timedelta(days=30))
    hold.refresh_from_db()
    assert hold.status == Hold.Status.EXPIRED and sent["hold_expired"] == 1


def test_the_management_command_sends_the_notices(activity, capsys):
    call_command("send_library_notices")
    assert "overdue: 1" in capsys.readouterr().out
    assert mail.outbox


def test_patrons_without_an_email_are_skipped(staff, centre, patron, copy):
    patron.email = ""
    patron.save()
    patron.user.email = ""
    patron.user.save()
    services.checkout(staff, centre, patron, copy.barcode, now=timezone.now() - timedelta(days=40))
    assert send_notices() == {}
    assert not Notice.objects.exists()


def test_a_notice_that_fails_to_send_is_not_recorded_and_is_tried_again(
    staff, centre, patron, copy, monkeypatch
):
    import smtplib

    services.checkout(staff, centre, patron, copy.barcode, now=timezone.now() - timedelta(days=40))

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("library.notices.send_mail", refuse)
    assert send_notices() == {}
    assert not Notice.objects.exists()
    monkeypatch.undo()
    assert send_notices()["overdue"] == 1
