"""Receivers of the H5P app."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import H5PActivity


@receiver(post_delete, sender=H5PActivity, dispatch_uid="h5p.delete_activity_files")
def delete_activity_files(sender, instance, **kwargs):
    """A deleted activity's files go once the deletion is committed (shared libraries
    only when no other activity uses them)."""
    from .importing import delete_files

    transaction.on_commit(partial(delete_files, instance))
