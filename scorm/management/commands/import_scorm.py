"""``manage.py import_scorm FILE [--title TITLE]``: import a SCORM 1.2 or 2004 zip."""

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from content_packages.archives import PackageError
from scorm.importing import import_package


class Command(BaseCommand):
    help = "Import a SCORM 1.2 or 2004 package (zip) as a SCORM package snippet."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--title", default="")

    def handle(self, *args, file, title, **options):
        try:
            with open(file, "rb") as handle:
                package = import_package(File(handle, name=file), title=title)
        except OSError as error:
            raise CommandError(str(error)) from None
        except PackageError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            f"Imported “{package.title}” (SCORM {package.version}, "
            f"{len(package.scos)} launchable items) as #{package.pk}."
        )
