from django.core.management.base import BaseCommand, CommandError

from courses.models import CatalogueIndexPage
from courses.roles import ensure_authoring_roles


class Command(BaseCommand):
    help = "Create the Trainers and Course reviewers groups and the Trainer review workflow."

    def handle(self, *args, **options):
        catalogue = CatalogueIndexPage.objects.first()
        if catalogue is None:
            raise CommandError("Create a course catalogue page first.")
        trainers, reviewers, workflow = ensure_authoring_roles(catalogue)
        self.stdout.write(
            self.style.SUCCESS(
                f"Groups '{trainers}' and '{reviewers}' and workflow '{workflow}' "
                f"are set on '{catalogue.title}'."
            )
        )
