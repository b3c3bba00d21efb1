"""Create the "Resource centre staff" group with its admin permissions (idempotent)."""

from django.core.management.base import BaseCommand

from library.roles import ensure_staff_group


class Command(BaseCommand):
    help = "Create or update the 'Resource centre staff' group and its permissions."

    def handle(self, *args, **options):
        group = ensure_staff_group()
        self.stdout.write(self.style.SUCCESS(f"Group ready: {group.name}"))
