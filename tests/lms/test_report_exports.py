"""Programme report downloads are made by a worker, for the requester only, with their rights."""

import csv
import io
import tracemalloc
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.factories import UserFactory
from courses.roles import TRAINERS
from operations import exports
from operations.models import CompletedEffect, ReportExport
from operations.storage import PrivateStorage
from operations.tasks import build_report_export, prune_report_exports

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def screen_lines(response):
    columns = [column.name for column in response.context["view"].columns]
    return [[str(row[column]) for column in columns] for row in response.context["object_list"]]


def download(client, export):
    response = client.get(export.get_download_url())
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def run_worker():
    """What the worker service runs, in this process: take the queued tasks, then stop.

    The worker closes old database connections between tasks; here that would
    end the test's transaction (PostgreSQL), so it keeps the connection.
    """
    with patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("run_worker", "--batch", "--worker-id", "test-worker", verbosity=0)


@pytest.fixture
def by_course(client, trainer):
    client.force_login(trainer)
    return reverse("lms_reports:by_course")


@override_settings(TASKS=DATABASE_TASKS)
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_download_waits_for_the_worker_then_holds_what_the_screen_shows(
    client, trainer, by_course, export_format
):
    screen = screen_lines(client.get(by_course))
    assert screen

    response = client.get(by_course, {"export": export_format})
    assert response.status_code == 302
    assert response["Location"] == reverse("operations_admin:exports")
    export = ReportExport.objects.get()
    assert (export.requester, export.report, export.status) == (
        trainer,
        "lms.by_course",
        ReportExport.Status.QUEUED,
    )
    page = client.get(response["Location"])
    assert b"data-refresh-seconds" in page.content
    assert b"exports-refresh.js" in page.content
    assert client.get(export.get_download_url()).status_code == 404  # not made yet

    run_worker()
    export.refresh_from_db()
    assert export.status == ReportExport.Status.DONE
    assert export.row_count == len(screen)
    content = download(client, export)
    if export_format == "csv":
        lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(content)).active
        lines = [[str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert lines[0][0] == "Course"
    assert lines[1:] == screen
    assert b"data-refresh-seconds" not in client.get(response["Location"]).content

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [trainer.email]
    assert f"http://testserver{export.get_download_url()}" in mail.outbox[0].body


def test_the_file_lives_in_private_storage_not_under_media(client, by_course):
    client.get(by_course, {"export": "csv"})
    export = ReportExport.objects.get()
    assert export.file.path.startswith(str(storages["exports"].location))
    assert storages["exports"].exists(export.file.name)
    assert not storages["default"].exists(export.file.name)


def test_only_the_requester_and_superusers_can_download(client, trainer, by_course):
    client.get(by_course, {"export": "csv"})
    export = ReportExport.objects.get()

    other = UserFactory(username="other-trainer")
    other.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(other)
    assert client.get(export.get_download_url()).status_code == 404
    assert client.get(reverse("operations_admin:exports")).context["exports"] == []

    client.logout()
    response = client.get(export.get_download_url())
    assert response.status_code == 302 and "login" in response["Location"]

    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    assert client.get(export.get_download_url()).status_code == 200


@override_settings(TASKS=DATABASE_TASKS)
def test_a_requester_who_lost_access_before_the_worker_ran_gets_a_failed_export(
    client,
    trainer,
    by_course,
):
    client.get(by_course, {"export": "csv"})
    trainer.groups.clear()
    run_worker()
    export = ReportExport.objects.get()
    assert export.status == ReportExport.Status.FAILED
    assert export.error
    assert not export.file
    assert not storages["exports"].exists(str(export.pk))
    assert mail.outbox == []
    assert client.get(export.get_download_url()).status_code == 404


@override_settings(TASKS=DATABASE_TASKS)
def test_a_trainer_removed_from_the_cohort_exports_an_empty_grid_no_more(client, trainer, cohort):
    client.force_login(trainer)
    client.get(reverse("lms_reports:cohort_grid", args=[cohort.pk]), {"export": "xlsx"})
    cohort.trainers.remove(trainer)
    run_worker()
    assert ReportExport.objects.get().status == ReportExport.Status.FAILED


@pytest.mark.parametrize("params", [{"export": "pdf"}, {"export": ""}])
def test_an_unknown_format_is_a_bad_request_and_records_nothing(client, by_course, params):
    assert client.get(by_course, params).status_code == 400
    assert not ReportExport.objects.exists()


def test_an_unknown_report_is_a_bad_request_and_records_nothing(rf, trainer):
    request = rf.get("/")
    request.user = trainer
    assert exports.start_export(request, "lms.no_such_report", "csv").status_code == 400
    assert not ReportExport.objects.exists()


def test_someone_who_may_not_see_the_report_cannot_export_it(client, learner, cohort):
    client.force_login(learner)
    response = client.get(reverse("lms_reports:by_course"), {"export": "csv"})
    assert response.status_code in (302, 403)
    assert not ReportExport.objects.exists()


def test_a_double_click_queues_one_export(client, by_course, settings):
    settings.TASKS = DATABASE_TASKS
    client.get(by_course, {"export": "csv"})
    client.get(by_course, {"export": "csv"})
    client.get(by_course, {"export": "xlsx"})
    assert ReportExport.objects.count() == 2


def test_running_the_task_again_stores_one_file_and_sends_one_email(client, by_course):
    client.get(by_course, {"export": "csv"})  # runs at once here (ImmediateBackend)
    export = ReportExport.objects.get()
    name, modified = export.file.name, export.file.storage.get_modified_time(export.file.name)
    assert build_report_export.call(export.pk) == ReportExport.Status.DONE
    build_report_export.call(export.pk)
    export.refresh_from_db()
    assert export.file.name == name
    assert export.file.storage.get_modified_time(name) == modified
    assert export.file.storage.listdir(str(export.pk))[1] == [name.rsplit("/", 1)[-1]]
    assert len(mail.outbox) == 1
    assert CompletedEffect.objects.filter(key__startswith="report-export").count() == 2


def test_a_run_killed_after_writing_the_file_is_redone_cleanly(client, by_course, settings):
    settings.TASKS = DATABASE_TASKS
    client.get(by_course, {"export": "csv"})
    export = ReportExport.objects.get()
    # The killed run's file, stored under the name but never committed.
    storages["exports"].save(f"{export.pk}/by_course-report.csv", io.BytesIO(b"partial"))
    ReportExport.objects.filter(pk=export.pk).update(status=ReportExport.Status.RUNNING)
    build_report_export.call(export.pk)
    export.refresh_from_db()
    assert export.status == ReportExport.Status.DONE
    assert export.file.name == f"{export.pk}/by_course-report.csv"
    assert b"partial" not in export.file.read()


def test_my_exports_lists_my_exports_in_constant_queries(
    client,
    trainer,
    by_course,
    django_assert_max_num_queries,
):
    for _ in range(3):
        ReportExport.objects.create(requester=trainer, report="lms.by_course", format="csv")
    ReportExport.objects.create(
        requester=UserFactory(username="someone"), report="lms.by_course", format="csv", title="X9"
    )
    with django_assert_max_num_queries(12):
        page = client.get(reverse("operations_admin:exports"))
    assert page.status_code == 200
    assert len(page.context["exports"]) == 3


def test_old_exports_and_their_files_are_removed_by_the_daily_job(client, by_course, settings):
    client.get(by_course, {"export": "csv"})
    old = ReportExport.objects.get()
    ReportExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    client.get(by_course, {"export": "xlsx"})
    assert "operations.tasks.prune_report_exports" in exports_daily_tasks()
    assert prune_report_exports.call() == 1
    assert list(ReportExport.objects.values_list("format", flat=True)) == ["xlsx"]
    assert not storages["exports"].exists(old.file.name)


def exports_daily_tasks():
    from operations.jobs import operations_setting

    return operations_setting("DAILY_TASKS")


def _peak_bytes(rows):
    table = exports.Table(
        headings=["Learner", "Course", "Progress"],
        rows=([f"learner-{n:06d}", "Inclusive classrooms", n % 101] for n in range(rows)),
        filename="benchmark",
    )
    import tempfile

    with tempfile.TemporaryFile() as out:
        tracemalloc.start()
        try:
            written = exports.write_table(table, "csv", out)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert written == rows
        assert out.tell() > rows * 20
    return peak


def test_writing_a_csv_export_takes_the_same_memory_for_50000_rows_as_for_5000():
    small, large = _peak_bytes(5_000), _peak_bytes(50_000)
    # Ten times the rows, not ten times the memory: both stay small and alike.
    assert large < 1_000_000
    assert large < small * 1.5 + 50_000


def test_exports_need_no_storage_setting_and_stay_out_of_media(settings, tmp_path):
    """A site without ``STORAGES["exports"]`` still installs and exports (issue 20)."""
    settings.STORAGES = {k: v for k, v in settings.STORAGES.items() if k != "exports"}
    settings.BASE_DIR = tmp_path
    storage = PrivateStorage("exports")
    name = storage.save("1/report.csv", ContentFile(b"a,b\n"))
    assert (tmp_path / "var" / "exports" / name).read_bytes() == b"a,b\n"


def test_a_sites_exports_storage_is_used_when_it_has_one(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "mine")},
        },
    }
    PrivateStorage("exports").save("x.csv", ContentFile(b"x"))
    assert (tmp_path / "mine" / "x.csv").exists()
