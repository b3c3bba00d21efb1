"""Receivers of the H5P app."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import H5PActivity, H5PLibrary


@receiver(post_delete, sender=H5PActivity, dispatch_uid="h5p.delete_activity_files")
def delete_activity_files(sender, instance, **kwargs):
    """A deleted activity's files go once the deletion is committed (shared libraries
    only when no other activity uses them)."""
    from .importing import delete_files

    transaction.on_commit(partial(delete_files, instance))


@receiver(post_save, sender=H5PActivity, dispatch_uid="h5p.share_translated_libraries")
def share_translated_libraries(sender, instance, created, **kwargs):
    """A translation copied from another activity uses (and keeps) that activity's libraries."""
    source = getattr(instance, "_libraries_of", None)
    if created and source is not None:
        del instance._libraries_of
        instance.shared_libraries.set(H5PLibrary.objects.filter(activities=source))
