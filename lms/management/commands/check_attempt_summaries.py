"""Recount every attempt summary from the attempts and say what differs.

    manage.py check_attempt_summaries          # exits 1 when one differs
    manage.py check_attempt_summaries --fix    # stores the recounted ones

The summaries (:class:`lms.models.AttemptSummary`) are kept in the transaction
that adds each attempt; a difference means a row was changed behind the
platform's back (a restore of one table, a hand edit).
"""

from django.core.management.base import BaseCommand, CommandError

from lms.attempts import recount_all


class Command(BaseCommand):
    help = "Compare each kept attempt summary with a recount of its attempts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix", action="store_true", help="Store the recounted summaries where they differ."
        )

    def handle(self, *args, fix=False, **options):
        checked, wrong = recount_all(fix=fix)
        for learner_id, item_id, activity, kept, counted in wrong[:50]:
            where = f"learner {learner_id}, lesson {item_id}, {activity}"
            self.stdout.write(f"{where}: kept {kept}, recounted {counted}")
        self.stdout.write(f"{checked} summaries recounted, {len(wrong)} different.")
        if wrong and not fix:
            raise CommandError(
                "Some attempt summaries differ from their attempts (--fix stores them)."
            )
        if wrong:
            self.stdout.write(self.style.SUCCESS("The recounted summaries are stored."))
