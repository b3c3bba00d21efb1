"""Recurring jobs on the task system, and recovery of tasks whose worker died.

**Daily jobs.** ``OPERATIONS["DAILY_TASKS"]`` names tasks (dotted paths) to
enqueue once a day. :func:`run_daily_jobs` enqueues each of them once for its
day and then schedules itself for the next day with ``run_after``, so a
``db_worker`` runs the schedule and no extra scheduler process is needed.
``manage.py schedule_jobs`` (run at each deploy and at each worker start)
makes sure the next daily run is scheduled; running it twice schedules
nothing twice. Where tasks run at once (development, tests), or for a cron
entry, ``manage.py run_daily_jobs`` runs today's jobs directly.

**Dead workers.** django-tasks-db marks a task RUNNING when a worker claims
it; a worker killed mid-task leaves it RUNNING for ever.
:func:`requeue_orphaned` puts such tasks back in the queue: those last
claimed by a given worker id (a worker restarting under its old id knows its
own tasks died with it), and those running longer than
``OPERATIONS["STALE_TASK_SECONDS"]`` (a host that never came back). Tasks are
written to be repeated safely (see :mod:`operations.effects`).
"""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task, task_backends

from .effects import run_once

logger = logging.getLogger(__name__)

DEFAULTS = {
    "DAILY_TASKS": [
        "library.tasks.send_library_notices",
        "operations.jobs.prune_old_records",
        "operations.tasks.prune_report_exports",
        "lms.tasks.prune_import_previews",
        "operations.jobs.remove_abandoned_package_imports",
    ],
    "DAILY_AT": "02:30",
    "STALE_TASK_SECONDS": 3600,
    "KEEP_FINISHED_TASKS_DAYS": 30,
    "KEEP_EXPORTS_DAYS": 7,
}


def operations_setting(name):
    return getattr(settings, "OPERATIONS", {}).get(name, DEFAULTS[name])


def uses_task_database():
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def next_daily_run(now=None):
    """The next ``DAILY_AT`` in the site's time zone, after ``now``."""
    now = timezone.localtime(now)
    hour, minute = (int(part) for part in operations_setting("DAILY_AT").split(":"))
    run = timezone.make_aware(datetime.combine(now.date(), time(hour, minute)))
    return run if run > now else run + timedelta(days=1)


@task()
def run_daily_jobs(day):
    """Enqueue each daily task once for ``day`` (ISO date), then schedule tomorrow."""
    enqueued = []
    for path in operations_setting("DAILY_TASKS"):
        job = import_string(path)
        if run_once(f"daily:{path}:{day}", job.enqueue):
            enqueued.append(path)
    if uses_task_database():
        schedule_next_daily_run()
    return enqueued


def schedule_next_daily_run(now=None):
    """Schedule the next daily run unless it is scheduled already; return whether it was now."""
    when = next_daily_run(now)
    day = timezone.localtime(when).date().isoformat()
    return run_once(
        f"schedule:daily:{day}",
        lambda: run_daily_jobs.using(run_after=when).enqueue(day),
    )


@task()
def prune_old_records():
    """Forget finished tasks and effect keys older than ``KEEP_FINISHED_TASKS_DAYS``."""
    from django_tasks_db.models import DBTaskResult

    from .models import CompletedEffect

    cutoff = timezone.now() - timedelta(days=operations_setting("KEEP_FINISHED_TASKS_DAYS"))
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    # Daily and schedule keys only: a certificate's email key is kept for ever.
    keys, _ = CompletedEffect.objects.filter(
        key__regex=r"^(daily|schedule):", done_at__lt=cutoff
    ).delete()
    return {"tasks": tasks, "keys": keys}


@task()
def remove_abandoned_package_imports():
    """Remove the files of content-package imports that died before committing, a day on."""
    from content_packages.imports import remove_abandoned_imports

    return remove_abandoned_imports()


def requeue_orphaned(*, worker_id=None, older_than=None, now=None):
    """Put RUNNING tasks of a dead worker back in the queue; return how many."""
    from django.db import transaction
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    if older_than is None:
        older_than = operations_setting("STALE_TASK_SECONDS")
    requeued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for result in running:
            mine = worker_id is not None and result.worker_ids[-1:] == [worker_id]
            stale = result.started_at is not None and result.started_at < now - timedelta(
                seconds=older_than
            )
            if mine or stale:
                result.status = TaskResultStatus.READY
                result.save(update_fields=["status"])
                requeued += 1
                logger.warning(
                    "Requeued task %s (%s), left running by worker %s",
                    result.pk,
                    result.task_path,
                    result.worker_ids[-1:] or "?",
                )
    return requeued
