"""A database task worker that first requeues the tasks its previous life left running.

Give each worker a stable id (the container or host name, the default)::

    manage.py run_worker --worker-id worker-1

A worker killed mid-task (out of memory, a host restart, ``kill -9``) comes
back under the same id, puts the task it was running back in the queue, and
runs it again; tasks are written so that their effect happens once.
"""

import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand

from operations import jobs


class Command(BaseCommand):
    help = "Requeue this worker's orphaned tasks, schedule daily jobs, then run db_worker."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default=socket.gethostname()[:64])
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--interval", default="1")
        parser.add_argument("--batch", action="store_true")

    def handle(self, *args, worker_id, queue_name, interval, batch, **options):
        requeued = jobs.requeue_orphaned(worker_id=worker_id)
        if requeued:
            self.stdout.write(f"Requeued {requeued} task(s) left running by {worker_id}.")
        jobs.schedule_next_daily_run()
        worker_args = ["--worker-id", worker_id, "--queue-name", queue_name]
        worker_args += ["--interval", str(interval), "--no-reload", "--no-startup-delay"]
        if batch:
            worker_args.append("--batch")
        call_command("db_worker", *worker_args, verbosity=options["verbosity"])
