"""Send the library's email notices; safe to run as often as you like (see library.notices)."""

from django.core.management.base import BaseCommand

from library.notices import send_notices


class Command(BaseCommand):
    help = "Expire uncollected holds and email overdue, due-soon, ready and expired notices."

    def handle(self, *args, **options):
        sent = send_notices()
        if not sent:
            self.stdout.write("No notices to send.")
        for kind, count in sorted(sent.items()):
            self.stdout.write(f"{kind}: {count}")
