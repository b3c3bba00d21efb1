"""Enqueue today's daily tasks now (once a day however often it runs): for cron."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from operations import jobs


class Command(BaseCommand):
    help = "Enqueue today's daily tasks (each at most once a day)."

    def handle(self, *args, **options):
        day = timezone.localdate().isoformat()
        result = jobs.run_daily_jobs.enqueue(day)
        self.stdout.write(f"Daily jobs for {day}: task {result.id} ({result.status}).")
