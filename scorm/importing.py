"""Importing a SCORM zip: check it, read its manifest, unpack it, save the row.

Usage::

    package = import_package(uploaded_file, title="Golf", user=request.user)

Anything wrong raises :class:`~content_packages.archives.PackageError` with the reason, and
then no row and no file is left behind. The zip and the unpacked folder get
random names, named first in an import journal (:mod:`content_packages.imports`):
a failed import removes them at once, one killed mid-way the daily job does.
"""

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from content_packages.archives import PackageError, PackageLimits, extract_to_storage, open_package
from content_packages.imports import Claim, ImportJournal, own_folder, remove_tree

from .manifest import MANIFEST, parse_manifest
from .models import ScormPackage

ALLOWED_EXTENSIONS = frozenset(
    [
        "html",
        "htm",
        "xhtml",
        "js",
        "mjs",
        "css",
        "json",
        "xml",
        "xsd",
        "dtd",
        "txt",
        "csv",
        "md",
        "pdf",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "bmp",
        "ico",
        "mp3",
        "mp4",
        "m4a",
        "m4v",
        "ogg",
        "oga",
        "ogv",
        "wav",
        "webm",
        "vtt",
        "srt",
        "woff",
        "woff2",
        "ttf",
        "otf",
        "eot",
        "swf",
    ]
)
LIMITS = PackageLimits(allowed_extensions=ALLOWED_EXTENSIONS)


def read_package(fileobj):
    """Check the archive and its manifest; return ``(manifest, file names)`` or raise."""
    with open_package(fileobj, LIMITS) as package:
        if not package.has(MANIFEST):
            raise PackageError(_("The package has no imsmanifest.xml at its top level."))
        manifest = parse_manifest(package.read(MANIFEST))
        names = set(package.names)
        for sco in manifest.scos:
            if sco["launch"] not in names:
                raise PackageError(
                    _("The launch file “%(name)s” is not in the package.") % {"name": sco["launch"]}
                )
        return manifest, sorted(names)


def import_package(fileobj, *, title="", user=None, instance=None):
    """Import ``fileobj`` as a new package (or into ``instance``, not yet saved)."""
    manifest, names = read_package(fileobj)
    package = instance or ScormPackage()
    package.title = title or package.title or manifest.title
    package.version = manifest.version
    package.schema_version = manifest.schema_version
    package.organisation = manifest.organisation
    package.scos = manifest.scos
    package.files = names
    package.storage_prefix = ScormPackage.new_prefix()
    if user is not None and getattr(user, "is_authenticated", False):
        package.uploaded_by = user
    field = ScormPackage._meta.get_field("file")
    storage = field.storage
    archive_name = field.generate_filename(package, getattr(fileobj, "name", ""))
    archive_folder = own_folder(archive_name)
    journal = ImportJournal.begin(
        storage,
        [
            Claim(package.storage_prefix, "scorm.ScormPackage", "storage_prefix"),
            Claim(archive_folder, "scorm.ScormPackage", "file__startswith", f"{archive_folder}/"),
        ],
    )
    try:
        fileobj.seek(0)
        package.file = storage.save(archive_name, File(fileobj))
        with open_package(fileobj, LIMITS) as archive:
            extract_to_storage(archive, storage, package.storage_prefix)
        with transaction.atomic():
            package.save()
            transaction.on_commit(journal.finish, robust=True)
    except BaseException:
        journal.abandon()
        raise
    return package


def delete_package_files(package):
    storage = ScormPackage._meta.get_field("file").storage
    remove_tree(storage, package.storage_prefix)
    if package.file:
        remove_tree(storage, own_folder(package.file.name))
