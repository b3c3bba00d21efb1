"""Storing a checked H5P package: ``import_package(file, title=..., user=...)``.

The package is validated (:func:`h5p.validation.open_h5p`) before anything is
written; files go through Django's storage API (the ``h5p`` storage when the
site defines one, else the default storage). Replacing an activity's file
extracts the new package beside the old one and deletes the old files only
once the new row is committed.

**Libraries are stored once** (:class:`h5p.models.H5PLibrary`): each library
folder of a package is hashed, and a folder already stored with the same bytes
is reused instead of extracted again. Only ``h5p.json`` and ``content/`` go
under the activity's own prefix. Libraries no activity uses any more are
removed with their files after a replacement or a deletion.

**Installing library code is an administrator's act.** A library's scripts
run for everyone who plays an activity using it, so storing a library folder
not stored yet (a new version, or a known version with other bytes) takes the
``h5p.install_h5plibrary`` permission: superusers have it, and a group may be
given it in Wagtail's group editor. Anyone else may upload a package only if
each of its library folders is stored already with the same name, version and
bytes; otherwise :class:`LibrariesNotInstalled` names each library that needs
an administrator, before anything is written. Called without a user (the
``import_h5p`` command, the demo seeding), the importer acts for the server's
operator and installs.

**Nothing is left behind.** Every folder written (the content, the package
file, each new library) has a random name and is named first in an import
journal (:mod:`content_packages.imports`): a refused or failed import removes it at
once, and one killed mid-way is removed by the daily job a day later.
"""

import hashlib
import posixpath
import uuid
from dataclasses import dataclass

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from content_packages.archives import PackageError, extract_to_storage
from content_packages.imports import Claim, ImportJournal, own_folder, remove_tree

from .models import H5PActivity, H5PLibrary
from .storage import h5p_storage
from .validation import open_h5p

INSTALL_PERMISSION = "h5p.install_h5plibrary"


class LibrariesNotInstalled(PackageError):
    """The package brings library code its uploader may not install; one message per library."""


def may_install_libraries(user):
    """Whether ``user`` may install or update library code (``None``: the server's operator)."""
    return user is None or user.has_perm(INSTALL_PERMISSION)


@dataclass
class _Library:
    """A library folder of an uploaded package, and its stored copy if there is one."""

    files: list  # ZipInfo
    digest: str
    stored: H5PLibrary | None
    other_bytes_stored: bool  # the same name and version is stored, with other bytes


def _digest(package, infos):
    digest = hashlib.sha256()
    for info in sorted(infos, key=lambda i: i.filename):
        digest.update(info.filename.encode() + b"\0")
        digest.update(hashlib.sha256(package.read(info.filename, max_size=info.file_size)).digest())
    return digest.hexdigest()


def _libraries(checked):
    """``{folder: _Library}`` for every library folder of a checked package (one query)."""
    digests = {
        folder: _digest(checked.package, infos) for folder, infos in checked.library_files.items()
    }
    stored = {}
    for library in H5PLibrary.objects.filter(folder__in=digests):
        stored.setdefault(library.folder, {})[library.digest] = library
    return {
        folder: _Library(
            files=checked.library_files[folder],
            digest=digest,
            stored=stored.get(folder, {}).get(digest),
            other_bytes_stored=folder in stored,
        )
        for folder, digest in digests.items()
    }


def _label(folder):
    """ "H5P.MultiChoice-1.16" as people write it: "H5P.MultiChoice 1.16"."""
    name, _dash, version = folder.rpartition("-")
    return f"{name} {version}"


def _refuse_uninstalled(libraries):
    messages = []
    for folder, library in sorted(libraries.items()):
        if library.stored is not None:
            continue
        if library.other_bytes_stored:
            message = _(
                "%(library)s differs from the installed copy: ask an administrator to "
                "upload this package first."
            )
        else:
            message = _(
                "%(library)s is not installed yet: ask an administrator to upload this "
                "package first."
            )
        messages.append(message % {"library": _label(folder)})
    if messages:
        raise LibrariesNotInstalled(messages)


def check_may_install(checked, user):
    """Raise :class:`LibrariesNotInstalled` if ``checked`` brings code ``user`` may not install."""
    if not may_install_libraries(user):
        _refuse_uninstalled(_libraries(checked))


def collect_unused_libraries():
    """Remove the shared libraries no activity uses any more, with their files."""
    storage = h5p_storage()
    for library in H5PLibrary.objects.filter(activities__isnull=True):
        library.delete()
        remove_tree(storage, library.storage_prefix)


def import_package(fileobj, *, title="", user=None, activity=None):
    """Check, extract and record ``fileobj``; return the saved :class:`H5PActivity`.

    Raises :class:`content_packages.archives.PackageError` (nothing stored) for a bad file,
    and :class:`LibrariesNotInstalled` if ``user`` may not install its libraries.
    With ``activity`` the existing item gets the new file (a replacement); an
    unsaved ``activity`` may bring its locale and translation key (a translation
    of another activity). Without a locale the activity is in the default one.
    """
    storage = h5p_storage()
    with open_h5p(fileobj) as checked:
        libraries = _libraries(checked)
        if not may_install_libraries(user):
            _refuse_uninstalled(libraries)
        activity = activity or H5PActivity()
        rows = {
            folder: library.stored
            or H5PLibrary(
                folder=folder,
                digest=library.digest,
                storage_prefix=f"h5p/libraries/{uuid.uuid4().hex}",
            )
            for folder, library in libraries.items()
        }
        new = [folder for folder, row in rows.items() if row.pk is None]
        prefix = f"h5p/content/{uuid.uuid4().hex}"
        package_field = H5PActivity._meta.get_field("package")
        package_name = package_field.generate_filename(activity, getattr(fileobj, "name", ""))
        package_folder = own_folder(package_name)
        claims = [
            Claim(prefix, "h5p.H5PActivity", "storage_prefix"),
            Claim(package_folder, "h5p.H5PActivity", "package__startswith", f"{package_folder}/"),
            *[
                Claim(rows[folder].storage_prefix, "h5p.H5PLibrary", "storage_prefix")
                for folder in new
            ],
        ]
        if activity.pk:
            claims.append(
                Claim(activity.storage_prefix, "h5p.H5PActivity", "storage_prefix", retired=True)
            )
            if activity.package:
                old = activity.package.name
                claims.append(
                    Claim(own_folder(old), "h5p.H5PActivity", "package", value=old, retired=True)
                )
        journal = ImportJournal.begin(storage, claims)
        try:
            for folder in new:
                rows[folder].files = extract_to_storage(
                    checked.package,
                    storage,
                    rows[folder].storage_prefix,
                    members=libraries[folder].files,
                )
            extract_to_storage(checked.package, storage, prefix, members=checked.content_files)
            fileobj.seek(0)
            activity.package = storage.save(package_name, File(fileobj))
            metadata = checked.metadata
            activity.title = title or activity.title or str(metadata["title"])[:255]
            activity.main_library = str(metadata["mainLibrary"])[:255]
            activity.libraries = checked.libraries
            activity.licence = str(metadata.get("license", ""))[:64]
            authors = metadata.get("authors")
            activity.authors = authors if isinstance(authors, list) else []
            activity.metadata = metadata
            activity.storage_prefix = prefix
            activity.library_paths = {folder: row.storage_prefix for folder, row in rows.items()}
            activity.file_count = len(checked.content_files) + sum(
                len(library.files) for library in libraries.values()
            )
            if user is not None and user.is_authenticated:
                activity.uploaded_by = user
            if activity.locale_id is None:
                activity.locale = activity.get_default_locale()
            with transaction.atomic():
                activity.full_clean(exclude=["package", "storage_prefix"])
                for folder in new:
                    rows[folder].save()
                activity.save()
                activity.shared_libraries.set(rows.values())
                transaction.on_commit(journal.finish, robust=True)
                transaction.on_commit(collect_unused_libraries)
        except BaseException:
            journal.abandon()
            raise
    return activity


def delete_files(activity):
    """Remove an activity's own files and its package (after its row is deleted),
    and the shared libraries no other activity uses.

    A translation copied in the admin shares its source's files until its own
    package is uploaded: files another activity still uses stay.
    """
    storage = h5p_storage()
    remaining = H5PActivity.objects.all()  # this activity's row is gone
    prefix = activity.storage_prefix
    if prefix and not remaining.filter(storage_prefix=prefix).exists():
        remove_tree(storage, prefix)
    if activity.package and not remaining.filter(package=activity.package.name).exists():
        remove_tree(storage, own_folder(activity.package.name))
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
