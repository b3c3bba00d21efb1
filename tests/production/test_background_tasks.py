"""Background tasks: each one's effect happens once, however often it runs."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lms import services
from lms.models import Certificate, Verb
from lms.tasks import (
    certificate_pdf_name,
    render_certificate_pdf,
    send_certificate_email,
    send_import_invitations,
)
from operations import jobs
from operations.effects import run_once
from operations.models import CompletedEffect

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def certificate(learner, enrolled, lessons, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    return Certificate.objects.get()


def test_completing_a_course_emails_once_and_stores_the_pdf(certificate):
    assert len(mail.outbox) == 1
    assert certificate.course_title in mail.outbox[0].subject
    assert default_storage.exists(certificate_pdf_name(certificate))


def test_running_the_certificate_tasks_again_has_no_further_effect(certificate):
    name = certificate_pdf_name(certificate)
    modified = default_storage.get_modified_time(name)
    send_certificate_email.call(certificate.pk)
    render_certificate_pdf.call(certificate.pk)
    send_certificate_email.enqueue(certificate.pk)
    assert len(mail.outbox) == 1
    assert default_storage.get_modified_time(name) == modified


def test_a_run_that_failed_midway_leaves_no_trace_and_the_next_run_does_the_work():
    calls = []

    def crashing():
        calls.append("crash")
        CompletedEffect.objects.create(key="side-effect-in-the-same-transaction")
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError):
        run_once("job:1", crashing)
    assert not CompletedEffect.objects.filter(
        key__in=["job:1", "side-effect-in-the-same-transaction"]
    ).exists()
    assert run_once("job:1", lambda: calls.append("done")) is True
    assert run_once("job:1", lambda: calls.append("again")) is False
    assert calls == ["crash", "done"]


def test_the_stored_pdf_is_what_the_learner_downloads(learner_client, certificate):
    response = learner_client.get(certificate.get_pdf_url())
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    with default_storage.open(certificate_pdf_name(certificate), "rb") as stored:
        assert body == stored.read()


def test_import_invitations_go_once_per_new_account(learner, other_learner):
    from lms.models import Cohort

    cohort = Cohort.objects.create(name="Guba pre-service 2026")
    ids = [learner.pk, other_learner.pk]
    assert send_import_invitations.call(ids, cohort.pk, "https://learn.example.az") == 2
    assert send_import_invitations.call(ids, cohort.pk, "https://learn.example.az") == 0
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [learner.email, other_learner.email]
    )
    assert "https://learn.example.az/accounts/reset/" in mail.outbox[0].body


def test_daily_jobs_run_each_task_once_a_day(settings):
    settings.OPERATIONS = {"DAILY_TASKS": ["library.tasks.send_library_notices"]}
    assert jobs.run_daily_jobs.call("2026-11-24") == ["library.tasks.send_library_notices"]
    assert jobs.run_daily_jobs.call("2026-11-24") == []
    assert jobs.run_daily_jobs.call("2026-11-25") == ["library.tasks.send_library_notices"]
    call_command("run_daily_jobs")  # today: cron's way in, at most once a day too


@override_settings(TASKS=DATABASE_TASKS)
def test_with_the_database_backend_tasks_wait_for_a_worker_and_tomorrow_is_scheduled_once():
    assert jobs.uses_task_database()
    call_command("schedule_jobs")
    call_command("schedule_jobs")
    scheduled = DBTaskResult.objects.filter(task_path="operations.jobs.run_daily_jobs")
    assert scheduled.count() == 1
    run_after = scheduled.get().run_after
    assert timezone.localtime(run_after).strftime("%H:%M") == "02:30"
    assert timezone.now() < run_after <= timezone.now() + timedelta(days=1)


@override_settings(TASKS=DATABASE_TASKS)
def test_a_dead_workers_tasks_go_back_in_the_queue_and_no_one_elses():
    now = timezone.now()
    common = {"args_kwargs": {"args": [1], "kwargs": {}}, "backend_name": "default"}
    common["task_path"] = "lms.tasks.send_certificate_email"
    mine = DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        worker_ids=["worker-1"],
        started_at=now,
        run_after=now,
        **common,
    )
    busy = DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        worker_ids=["worker-2"],
        started_at=now,
        run_after=now,
        **common,
    )
    stuck = DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        worker_ids=["gone"],
        started_at=now - timedelta(hours=2),
        run_after=now,
        **common,
    )
    assert jobs.requeue_orphaned(worker_id="worker-1") == 2
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[mine.pk] == TaskResultStatus.READY
    assert statuses[stuck.pk] == TaskResultStatus.READY
    assert statuses[busy.pk] == TaskResultStatus.RUNNING
