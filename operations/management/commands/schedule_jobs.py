"""Make sure the next daily run is scheduled; put dead workers' tasks back in the queue."""

from django.core.management.base import BaseCommand

from operations import jobs


class Command(BaseCommand):
    help = "Schedule the next daily run (once) and requeue tasks left running too long."

    def handle(self, *args, **options):
        if not jobs.uses_task_database():
            self.stdout.write("Tasks run at once here: use run_daily_jobs from cron instead.")
            return
        requeued = jobs.requeue_orphaned()
        scheduled = jobs.schedule_next_daily_run()
        self.stdout.write(
            f"Next daily run at {jobs.next_daily_run():%Y-%m-%d %H:%M %Z}"
            f" ({'scheduled now' if scheduled else 'already scheduled'}); requeued {requeued}."
        )
