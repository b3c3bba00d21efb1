"""Safe handling of uploaded content packages (H5P, SCORM and the like).

A content package is a zip made by someone else's authoring tool. Before any
byte of it is stored, :func:`open_package` checks the archive as a whole:

* it is a readable zip, not encrypted;
* no member has an absolute path, a drive letter, a backslash or a ``..``
  component, and no two members have the same name (ignoring case);
* no member is a symbolic link;
* the number of files, each file's size, the total uncompressed size and the
  compression ratio stay under :class:`PackageLimits`;
* every file's extension is on the caller's allow-list.

:func:`extract_to_storage` then copies the members through Django's storage
API (so S3-compatible storage works), reading no more bytes than each member
declared, and :func:`delete_from_storage` removes them again. The checks are
format-neutral: the H5P and SCORM apps add their own on top.
"""

import contextlib
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PackageLimits:
    """Upper bounds for an uploaded package; the defaults suit real H5P and SCORM."""

    max_files: int = 5_000
    max_file_size: int = 200 * 1024 * 1024
    max_total_size: int = 500 * 1024 * 1024
    max_compression_ratio: float = 100.0
    # Files whose extension is not listed are refused. Directories are exempt.
    allowed_extensions: frozenset = field(default_factory=frozenset)
    # Names (not paths) that are always allowed whatever their extension.
    allowed_names: frozenset = field(default_factory=frozenset)


class PackageError(ValidationError):
    """The package cannot be accepted; the message says why, for its author."""


@dataclass
class Package:
    """An opened, checked archive. Use it as a context manager."""

    archive: zipfile.ZipFile
    files: list  # ZipInfo of every regular file, in archive order

    @property
    def names(self):
        return [info.filename for info in self.files]

    def has(self, name):
        return name in self._index

    def read(self, name, *, max_size=10 * 1024 * 1024):
        """The bytes of member ``name``, refusing anything larger than ``max_size``."""
        info = self._index.get(name)
        if info is None:
            raise PackageError(_("The package has no file “%(name)s”.") % {"name": name})
        if info.file_size > max_size:
            raise PackageError(_("“%(name)s” is too large.") % {"name": name})
        return _read_member(self.archive, info)

    @property
    def _index(self):
        index = getattr(self, "_cached_index", None)
        if index is None:
            index = {info.filename: info for info in self.files}
            self._cached_index = index
        return index

    def close(self):
        self.archive.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_package(fileobj, limits):
    """Open ``fileobj`` as a zip and check it against ``limits``.

    Returns a :class:`Package`; raises :class:`PackageError` naming the first
    problem found. Nothing is written anywhere.
    """
    try:
        fileobj.seek(0)
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise PackageError(_("The file is not a readable zip archive.")) from None
    try:
        files = _checked_members(archive, limits)
    except PackageError:
        archive.close()
        raise
    return Package(archive=archive, files=files)


def _checked_members(archive, limits):
    try:
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageError(_("The file is not a readable zip archive.")) from None
    seen = set()
    files = []
    total = 0
    compressed = 0
    for info in infos:
        name = info.filename
        problem = _path_problem(name)
        if problem:
            raise PackageError(problem % {"name": name})
        folded = name.rstrip("/").casefold()
        if folded in seen:
            raise PackageError(_("The package contains “%(name)s” twice.") % {"name": name})
        seen.add(folded)
        if info.flag_bits & 0x1:
            raise PackageError(_("“%(name)s” is encrypted.") % {"name": name})
        if _is_symlink(info):
            raise PackageError(_("“%(name)s” is a symbolic link.") % {"name": name})
        if info.is_dir():
            continue
        files.append(info)
        if len(files) > limits.max_files:
            raise PackageError(
                _("The package holds more than %(count)d files.") % {"count": limits.max_files}
            )
        basename = posixpath.basename(name)
        extension = posixpath.splitext(basename)[1].lower().lstrip(".")
        if basename not in limits.allowed_names and extension not in limits.allowed_extensions:
            raise PackageError(
                _("Files of type “%(extension)s” are not allowed (%(name)s).")
                % {"extension": extension or _("no extension"), "name": name}
            )
        if info.file_size > limits.max_file_size:
            raise PackageError(_("“%(name)s” is too large.") % {"name": name})
        total += info.file_size
        compressed += info.compress_size
        if info.file_size > _CHUNK and info.file_size > info.compress_size * (
            limits.max_compression_ratio
        ):
            raise PackageError(
                _("“%(name)s” is compressed suspiciously well; it may be a zip bomb.")
                % {"name": name}
            )
    if total > limits.max_total_size:
        raise PackageError(
            _("The package unpacks to more than %(size)d MB.")
            % {"size": limits.max_total_size // (1024 * 1024)}
        )
    if total > _CHUNK and total > max(compressed, 1) * limits.max_compression_ratio:
        raise PackageError(_("The package is compressed suspiciously well; it may be a zip bomb."))
    if not files:
        raise PackageError(_("The package is empty."))
    return files


def _path_problem(name):
    if not name or "\x00" in name:
        return _("The package contains a file with an empty or invalid name.")
    if "\\" in name:
        return _("“%(name)s” uses backslashes in its path.")
    if name.startswith("/") or _DRIVE.match(name):
        return _("“%(name)s” has an absolute path.")
    parts = name.rstrip("/").split("/")
    if any(part in ("..", ".") for part in parts) or "" in parts:
        return _("“%(name)s” points outside the package.")
    return None


def _is_symlink(info):
    return (info.external_attr >> 16) & 0o170000 == 0o120000


def _read_member(archive, info):
    """Read a member, never more than it declared (a lying header is refused)."""
    chunks = []
    remaining = info.file_size
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(min(_CHUNK, remaining + 1))
                if not chunk:
                    break
                remaining -= len(chunk)
                if remaining < 0:
                    raise PackageError(
                        _("“%(name)s” is larger than its header says.") % {"name": info.filename}
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError) as error:
        raise PackageError(
            _("“%(name)s” is damaged and cannot be read.") % {"name": info.filename}
        ) from error
    return b"".join(chunks)


def extract_to_storage(package, storage, prefix, *, members=None):
    """Copy the package's files into ``storage`` under ``prefix``; return the stored names.

    If a member cannot be read the files already copied are removed before
    :class:`PackageError` propagates, so a failed extraction leaves nothing.
    ``members`` restricts extraction to those ZipInfo objects.
    """
    prefix = prefix.strip("/")
    stored = []
    try:
        for info in package.files if members is None else members:
            name = f"{prefix}/{info.filename}"
            data = _read_member(package.archive, info)
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, ContentFile(data))
            if saved != name:  # the storage renamed it: the player would not find it
                storage.delete(saved)
                raise PackageError(
                    _("“%(name)s” could not be stored under its own name.")
                    % {"name": info.filename}
                )
            stored.append(saved)
    except Exception:
        delete_from_storage(storage, stored)
        raise
    return stored


def delete_from_storage(storage, names):
    """Delete stored files, ignoring those already gone."""
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            storage.delete(name)
