"""Forget everything the page cache holds, on every server at once.

Run after a deploy (cached values may have a new shape), after restoring a
database, or after changing pages outside Django (raw SQL). The production
stack's ``migrate`` step runs it on every start.
"""

from django.core.management.base import BaseCommand

from pagecache import cache as pagecache


class Command(BaseCommand):
    help = "Forget the cached routes, outlines and lesson items on every server (a new generation)."

    def handle(self, *args, **options):
        before = pagecache.generation()
        pagecache.invalidate()
        self.stdout.write(f"Page cache generation {before} → {pagecache.generation()}.")
