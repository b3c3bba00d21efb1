"""Run an effect once per key, however often (and on however many hosts) a task runs.

Usage::

    from operations.effects import run_once

    def send_welcome(user_id):
        run_once(f"welcome:{user_id}", lambda: send_mail(...))

The key is inserted in the same transaction that runs ``effect``. A second
run finds the key and does nothing; a run killed before its transaction
commits leaves no key, so the next run does the work. Effects outside the
database (an email) are at least once in the narrow window between the
effect and the commit, and exactly once otherwise.
"""

from django.db import IntegrityError, transaction

from .models import CompletedEffect


def run_once(key, effect):
    """Call ``effect()`` unless ``key`` has been done; return whether it ran now."""
    try:
        with transaction.atomic():
            # A concurrent run holding the same key blocks here until it
            # commits (IntegrityError: done) or rolls back (we go ahead).
            CompletedEffect.objects.create(key=key)
            effect()
    except IntegrityError:
        if CompletedEffect.objects.filter(key=key).exists():
            return False
        raise
    return True


def is_done(key):
    return CompletedEffect.objects.filter(key=key).exists()
