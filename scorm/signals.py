"""Deleting a package removes its files once the deletion is committed."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import ScormPackage


@receiver(post_delete, sender=ScormPackage)
def remove_package_files(sender, instance, **kwargs):
    from .importing import delete_package_files

    transaction.on_commit(partial(delete_package_files, instance))
