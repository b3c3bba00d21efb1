"""Build the starter content of the installed module packs (idempotent)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from courses.models import CatalogueIndexPage
from courses.packs import starter_content


class Command(BaseCommand):
    help = "Build the starter courses and competency frameworks of the installed module packs."

    def add_arguments(self, parser):
        parser.add_argument("packs", nargs="*", help="Pack labels (default: every installed pack).")

    def handle(self, *args, **options):
        catalogue = CatalogueIndexPage.objects.first()
        if catalogue is None:
            raise CommandError("Create the course catalogue page first.")
        builders = dict(starter_content())
        wanted = options["packs"] or list(builders)
        unknown = [label for label in wanted if label not in builders]
        if unknown:
            raise CommandError(f"No installed pack with starter content: {', '.join(unknown)}")
        for label in wanted:
            with transaction.atomic():
                builders[label](catalogue, stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"{label}: starter content ready"))
