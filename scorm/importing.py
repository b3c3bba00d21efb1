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
    """Import ``fileobj`` as a new package, or into ``instance``.

    An unsaved ``instance`` may bring its locale and translation key (a
    translation of another package). A saved one gets the new files (a
    replacement): its old files go once the new ones are committed, unless
    another package (a translation copied from it) still uses them.
    """
    manifest, names = read_package(fileobj)
    package = instance or ScormPackage()
    retired = []
    # A replacement: the stored files as the row has them (a form may have
    # changed the instance's file field already).
    stored = ScormPackage.objects.filter(pk=package.pk).values_list("storage_prefix", "file")
    for old_prefix, old_file in stored if package.pk else ():
        retired.append(Claim(old_prefix, "scorm.ScormPackage", "storage_prefix", retired=True))
        if old_file:
            folder = own_folder(old_file)
            retired.append(
                Claim(folder, "scorm.ScormPackage", "file", value=old_file, retired=True)
            )
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
            *retired,
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
    """Remove a deleted package's files, unless another package (a translation) still uses them."""
    storage = ScormPackage._meta.get_field("file").storage
    remaining = ScormPackage.objects.all()  # this package's row is gone
    if not remaining.filter(storage_prefix=package.storage_prefix).exists():
        remove_tree(storage, package.storage_prefix)
    if package.file and not remaining.filter(file=package.file.name).exists():
        remove_tree(storage, own_folder(package.file.name))
