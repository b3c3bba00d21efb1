"""Storing a checked H5P package: ``import_package(file, title=..., user=...)``.

The package is validated (:func:`h5p.validation.open_h5p`) before anything is
written; files go through Django's storage API (the ``h5p`` storage when the
site defines one, else the default storage). If anything fails after that,
the stored files are removed again, so a refused upload leaves no row and no
file. Replacing an activity's file extracts the new package beside the old
one and deletes the old files only once the new row is committed.

Libraries are stored once (:class:`h5p.models.H5PLibrary`): each library folder
of a package is hashed, and a folder already stored with the same bytes is
reused instead of extracted again. Only ``h5p.json`` and ``content/`` go under
the activity's own prefix. Libraries no activity uses any more are removed
with their files after a replacement or a deletion.
"""

import hashlib
import posixpath
import uuid
from functools import partial

from django.core.files.base import File
from django.db import transaction

from lms.packages import delete_from_storage, extract_to_storage, open_package

from .models import H5PActivity, H5PLibrary
from .storage import h5p_storage
from .validation import limits, open_h5p


def stored_names(activity):
    """The storage names of an activity's own extracted files (read from its own package).

    Shared libraries are not among them (see :func:`collect_unused_libraries`),
    except for activities stored before libraries were shared.
    """
    storage = h5p_storage()
    if not activity.package or not storage.exists(activity.package.name):
        return []
    shared = set(activity.library_paths or {})
    with storage.open(activity.package.name) as fileobj, open_package(fileobj, limits()) as package:
        return [
            f"{activity.storage_prefix}/{name}"
            for name in package.names
            if name.split("/", 1)[0] not in shared
        ]


def _library_members(package, folders):
    """``{folder: [ZipInfo, ...]}`` for the library folders of a package."""
    members = {folder: [] for folder in folders}
    for info in package.files:
        top = info.filename.split("/", 1)[0]
        if top in members and "/" in info.filename:
            members[top].append(info)
    return members


def _digest(package, infos):
    digest = hashlib.sha256()
    for info in sorted(infos, key=lambda i: i.filename):
        digest.update(info.filename.encode() + b"\0")
        digest.update(hashlib.sha256(package.read(info.filename, max_size=info.file_size)).digest())
    return digest.hexdigest()


def _store_libraries(package, folders, storage):
    """Store the package's libraries not stored yet; return ``({folder: library}, new names)``.

    Rows for new libraries are made by the caller's transaction; their files
    are written here (and removed by the caller if the import fails).
    """
    libraries, written = {}, []
    members = {
        folder: (infos, _digest(package, infos))
        for folder, infos in _library_members(package, folders).items()
        if infos
    }
    stored = {
        (library.folder, library.digest): library
        for library in H5PLibrary.objects.filter(folder__in=members)
    }
    try:
        for folder, (infos, digest) in members.items():
            library = stored.get((folder, digest))
            if library is None:
                prefix = f"h5p/libraries/{digest[:32]}"
                names = extract_to_storage(package, storage, prefix, members=infos)
                written += names
                library = H5PLibrary(
                    folder=folder, digest=digest, storage_prefix=prefix, files=names
                )
            libraries[folder] = library
    except BaseException:
        _forget_unsaved_libraries(storage, written)
        raise
    return libraries, written


def collect_unused_libraries():
    """Remove the shared libraries no activity uses any more, with their files."""
    storage = h5p_storage()
    for library in H5PLibrary.objects.filter(activities__isnull=True):
        library.delete()
        delete_from_storage(storage, library.files)


def _forget_unsaved_libraries(storage, written):
    """After a failed import: remove the library files no stored row ended up owning."""
    # Library files are stored as "h5p/libraries/<digest>/<folder>/...".
    prefixes = {"/".join(name.split("/")[:3]) for name in written}
    owned = set(
        H5PLibrary.objects.filter(storage_prefix__in=prefixes).values_list(
            "storage_prefix", flat=True
        )
    )
    delete_from_storage(
        storage, [name for name in written if "/".join(name.split("/")[:3]) not in owned]
    )


def import_package(fileobj, *, title="", user=None, activity=None):
    """Check, extract and record ``fileobj``; return the saved :class:`H5PActivity`.

    Raises :class:`lms.packages.PackageError` (nothing stored) for a bad file.
    With ``activity`` the existing item gets the new file (a replacement).
    """
    storage = h5p_storage()
    key = uuid.uuid4().hex
    prefix = f"h5p/content/{key}"
    with open_h5p(fileobj) as checked:
        libraries, written = _store_libraries(checked.package, checked.libraries, storage)
        own = [
            info
            for info in checked.package.files
            if info.filename.split("/", 1)[0] not in libraries
        ]
        stored = []
        try:
            stored = extract_to_storage(checked.package, storage, prefix, members=own)
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
            activity.library_paths = {
                folder: library.storage_prefix for folder, library in libraries.items()
            }
            activity.file_count = len(checked.package.files)
            if user is not None and user.is_authenticated:
                activity.uploaded_by = user
            with transaction.atomic():
                activity.full_clean(exclude=["package", "storage_prefix"])
                for library in libraries.values():
                    if library.pk is None:
                        library.save()
                activity.save()
                activity.shared_libraries.set(libraries.values())
                if old_names or old_package:
                    transaction.on_commit(
                        partial(delete_from_storage, storage, [*old_names, old_package])
                    )
                transaction.on_commit(collect_unused_libraries)
        except BaseException:
            delete_from_storage(storage, stored)
            _forget_unsaved_libraries(storage, written)
            raise
    return activity


def delete_files(activity):
    """Remove an activity's extracted files and its package (after its row is deleted),
    and the shared libraries no other activity uses."""
    names = stored_names(activity)
    if activity.package:
        names.append(activity.package.name)
    delete_from_storage(h5p_storage(), names)
    collect_unused_libraries()


def content_path(activity, path):
    """The storage name of ``path`` inside an activity, or None if it points outside."""
    path = posixpath.normpath(path)
    if path.startswith(("/", "..")) or "\\" in path or "\x00" in path or path == ".":
        return None
    shared = (activity.library_paths or {}).get(path.split("/", 1)[0])
    if shared:
        return f"{shared}/{path}"
    return f"{activity.storage_prefix}/{path}"
