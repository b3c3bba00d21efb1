"""``manage.py import_h5p FILE [--title TITLE]``: check and import an H5P package."""

from django.core.management.base import BaseCommand, CommandError

from content_packages.archives import PackageError
from h5p.importing import import_package


class Command(BaseCommand):
    help = "Check an .h5p file and add it as an H5P activity (nothing is stored if refused)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the .h5p file.")
        parser.add_argument("--title", default="", help="Title (defaults to the one in h5p.json).")

    def handle(self, *args, file, title, **options):
        try:
            with open(file, "rb") as fileobj:
                activity = import_package(fileobj, title=title)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        except PackageError as error:
            raise CommandError(f"Refused {file}: {' '.join(error.messages)}") from None
        self.stdout.write(
            f"Created H5P activity #{activity.pk} “{activity.title}” "
            f"({activity.main_library}, {len(activity.libraries)} libraries, "
            f"{activity.file_count} files)."
        )
