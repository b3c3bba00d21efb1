"""Keep the demo content's translation catalogues in step with its English source.

    manage.py demo_translations export   # write every segment into demo/translations/
    manage.py demo_translations check    # list the segments still without az or ru

Run on a database built by ``seed_demo`` (see :mod:`demo.translations`).
"""

from django.core.management.base import BaseCommand, CommandError

from demo import translations


class Command(BaseCommand):
    help = "Export the demo content's segments to its PO files, or check what is untranslated."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "check"])

    def handle(self, *args, action, **options):
        if not translations.sources():
            raise CommandError("No demo content in English: run seed_demo first.")
        if action == "export":
            for path in translations.export():
                self.stdout.write(f"Wrote {path}")
            return
        failed = False
        for language in translations.LANGUAGES:
            missing = translations.untranslated(language)
            for name, text in missing:
                self.stdout.write(f"{language} {name}: {text[:70]}")
            self.stdout.write(f"{language}: {len(missing)} segments untranslated.")
            failed = failed or bool(missing)
        if failed:
            raise CommandError("Some demo content is not translated.")
