"""Storing a checked H5P package: ``import_package(file, title=..., user=...)``.

The package is validated (:func:`h5p.validation.open_h5p`) before anything is
written; files go through Django's storage API (the ``h5p`` storage when the
site defines one, else the default storage). If anything fails after that,
the stored files are removed again, so a refused upload leaves no row and no
file. Replacing an activity's file extracts the new package beside the old
one and deletes the old files only once the new row is committed.
"""

import posixpath
import uuid
from functools import partial

from django.core.files.base import File
from django.db import transaction

from lms.packages import delete_from_storage, extract_to_storage, open_package

from .models import H5PActivity
from .storage import h5p_storage
from .validation import limits, open_h5p


def stored_names(activity):
    """The storage names of an activity's extracted files (read from its own package)."""
    storage = h5p_storage()
    if not activity.package or not storage.exists(activity.package.name):
        return []
    with storage.open(activity.package.name) as fileobj, open_package(fileobj, limits()) as package:
        return [f"{activity.storage_prefix}/{name}" for name in package.names]


def import_package(fileobj, *, title="", user=None, activity=None):
    """Check, extract and record ``fileobj``; return the saved :class:`H5PActivity`.

    Raises :class:`lms.packages.PackageError` (nothing stored) for a bad file.
    With ``activity`` the existing item gets the new file (a replacement).
    """
    storage = h5p_storage()
    key = uuid.uuid4().hex
    prefix = f"h5p/content/{key}"
    with open_h5p(fileobj) as checked:
        stored = extract_to_storage(checked.package, storage, prefix)
        try:
            fileobj.seek(0)
            package_name = storage.save(f"h5p/packages/{key}.h5p", File(fileobj))
            stored.append(package_name)
            metadata = checked.metadata
            old_names = stored_names(activity) if activity and activity.pk else []
            old_package = activity.package.name if activity and activity.package else None
            activity = activity or H5PActivity()
            activity.title = title or activity.title or str(metadata["title"])[:255]
            activity.package.name = package_name
            activity.main_library = str(metadata["mainLibrary"])[:255]
            activity.libraries = checked.libraries
            activity.licence = str(metadata.get("license", ""))[:64]
            authors = metadata.get("authors")
            activity.authors = authors if isinstance(authors, list) else []
            activity.metadata = metadata
            activity.storage_prefix = prefix
            activity.file_count = len(checked.package.files)
            if user is not None and user.is_authenticated:
                activity.uploaded_by = user
            with transaction.atomic():
                activity.full_clean(exclude=["package", "storage_prefix"])
                activity.save()
                if old_names:
                    transaction.on_commit(
                        partial(delete_from_storage, storage, [*old_names, old_package])
                    )
        except BaseException:
            delete_from_storage(storage, stored)
            raise
    return activity


def delete_files(activity):
    """Remove an activity's extracted files and its package (after its row is deleted)."""
    names = stored_names(activity)
    if activity.package:
        names.append(activity.package.name)
    delete_from_storage(h5p_storage(), names)


def content_path(activity, path):
    """The storage name of ``path`` inside an activity, or None if it points outside."""
    path = posixpath.normpath(path)
    if path.startswith(("/", "..")) or "\\" in path or "\x00" in path or path == ".":
        return None
    return f"{activity.storage_prefix}/{path}"
