"""Put tasks left RUNNING by a dead worker back in the queue."""

from django.core.management.base import BaseCommand

from operations import jobs


class Command(BaseCommand):
    help = "Requeue tasks last claimed by --worker-id, or running longer than --older-than seconds."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default=None)
        parser.add_argument("--older-than", type=int, default=None)

    def handle(self, *args, worker_id, older_than, **options):
        count = jobs.requeue_orphaned(worker_id=worker_id, older_than=older_than)
        self.stdout.write(f"Requeued {count} task(s).")
