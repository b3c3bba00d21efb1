"""Package files that never outlive the import that wrote them.

An import of a content package (H5P, SCORM) writes many files before its row
is committed. If it fails, it removes them; but a process killed mid-way (a
worker restarted, a request timed out) cannot. So, before writing its first
file, an import writes a small journal entry in the same storage
(``package-imports/<UTC time>-<random>.json``) naming each folder it is about
to fill and the row that will keep it (a :class:`Claim`). The entry goes when
the transaction commits. :func:`remove_abandoned_imports` (the daily job
``operations.jobs.remove_abandoned_package_imports``) settles the entries
older than a day: every claimed folder that no row keeps is removed, the rest
is left alone.

Nothing is moved: the files are written once, under their final random names,
and nothing points at them until the row is committed. That costs no copy on
S3-compatible storage and leaves no window in which a committed row points at
files still being moved.

Usage::

    journal = ImportJournal.begin(
        storage, [Claim(prefix, "scorm.ScormPackage", "storage_prefix")]
    )
    try:
        ...  # write the files, then save the row in a transaction
        transaction.on_commit(journal.finish, robust=True)
    except BaseException:
        journal.abandon()
        raise

Stored package files get a folder of their own with a random name
(:class:`RandomFolder`), so no stored name can be guessed from an upload's.
"""

import contextlib
import json
import logging
import os
import posixpath
import re
import shutil
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible

logger = logging.getLogger(__name__)

JOURNAL = "package-imports"
MAX_AGE = timedelta(days=1)
_STAMP = "%Y%m%dT%H%M%SZ"
# Used with fullmatch.
_ENTRY = re.compile(r"(\d{8}T\d{6}Z)-[0-9a-f]{32}\.json")
_KEY = re.compile(r"[0-9a-f]{32}")
_LOOKUP = re.compile(r"[a-z_]+(__startswith)?")


@deconstructible
class RandomFolder:
    """An ``upload_to`` that gives every upload a folder of its own with a random name.

    ``RandomFolder("scorm/archives")`` stores ``Golf Explained.zip`` as
    ``scorm/archives/<32 random hex digits>/Golf_Explained.zip`` (the storage
    makes the last part safe), so two uploads of one name never meet and no
    stored name can be guessed.
    """

    def __init__(self, base, default_name="package.zip"):
        self.base = base.strip("/")
        self.default_name = default_name

    def __call__(self, instance, filename):
        name = posixpath.basename(str(filename or "").replace("\\", "/"))
        stem, extension = posixpath.splitext(name)
        name = stem[:100] + extension[:16] if stem else self.default_name
        return f"{self.base}/{uuid.uuid4().hex}/{name}"

    def __eq__(self, other):
        return isinstance(other, RandomFolder) and (self.base, self.default_name) == (
            other.base,
            other.default_name,
        )

    def __hash__(self):
        return hash((self.base, self.default_name))


def own_folder(name):
    """The random folder a stored file was given (:class:`RandomFolder`), else the name itself."""
    parent = posixpath.dirname(name)
    return parent if _KEY.fullmatch(posixpath.basename(parent)) else name


@dataclass(frozen=True)
class Claim:
    """A folder (or single file) an import writes, and the row that keeps it once committed.

    The folder is kept while ``model`` has a row matching ``{lookup: value}``
    (``value`` defaults to ``name``). A ``retired`` claim is an old folder the
    import replaces: removed after the commit, never when the import fails.
    """

    name: str
    model: str  # "app_label.ModelName"
    lookup: str  # a field name, or "<field>__startswith"
    value: str = ""
    retired: bool = False

    def is_kept(self):
        model = apps.get_model(self.model)
        return model._default_manager.filter(**{self.lookup: self.value or self.name}).exists()


def _checked_name(name):
    name = str(name).strip("/")
    parts = name.split("/")
    if not name or "\\" in name or "\x00" in name or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"Not a storage folder: {name!r}")
    return name


def remove_tree(storage, name):
    """Delete the file ``name`` or everything under the folder ``name``; gone already is fine.

    A local storage removes the directory at once; others (S3) list and delete.
    """
    name = _checked_name(name)
    if isinstance(storage, FileSystemStorage):
        path = storage.path(name)
        if os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
        return
    _delete_listed(storage, name)
    with contextlib.suppress(FileNotFoundError):
        storage.delete(name)


def _delete_listed(storage, folder):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for file in files:
        with contextlib.suppress(FileNotFoundError):
            storage.delete(f"{folder}/{file}")
    for child in folders:
        _delete_listed(storage, f"{folder}/{child}")


class ImportJournal:
    """The journal entry of one import in progress (see the module's docstring)."""

    def __init__(self, storage, name, claims):
        self.storage = storage
        self.name = name
        self.claims = claims

    @classmethod
    def begin(cls, storage, claims, *, now=None):
        """Write the entry naming ``claims``; call before writing any claimed file."""
        claims = [Claim(**{**asdict(c), "name": _checked_name(c.name)}) for c in claims]
        started = (now or datetime.now(UTC)).astimezone(UTC)
        name = f"{JOURNAL}/{started.strftime(_STAMP)}-{uuid.uuid4().hex}.json"
        entry = {"started": started.isoformat(), "claims": [asdict(c) for c in claims]}
        saved = storage.save(name, ContentFile(json.dumps(entry).encode()))
        return cls(storage, saved, claims)

    def finish(self):
        """After the commit: remove the retired folders no row keeps, then the entry."""
        for claim in self.claims:
            if claim.retired and not claim.is_kept():
                remove_tree(self.storage, claim.name)
        self._forget()

    def abandon(self):
        """After a failure: remove everything the import wrote, then the entry.

        If the storage fails too, the entry stays for :func:`remove_abandoned_imports`.
        """
        try:
            for claim in self.claims:
                if not claim.retired:
                    remove_tree(self.storage, claim.name)
        except Exception:
            logger.exception("Could not remove the files of a failed import (%s)", self.name)
            return
        self._forget()

    def _forget(self):
        with contextlib.suppress(FileNotFoundError):
            self.storage.delete(self.name)


def _package_storages():
    """Each configured storage once (static files excepted): where entries may be."""
    seen = set()
    for alias in settings.STORAGES:
        if alias == "staticfiles":
            continue
        storage = storages[alias]
        local = isinstance(storage, FileSystemStorage)
        where = os.path.realpath(storage.location) if local else alias
        if where not in seen:
            seen.add(where)
            yield storage


def _settle(storage, name):
    """Remove what an abandoned entry claimed and no row keeps; return how many folders."""
    try:
        with storage.open(name) as handle:
            entry = json.loads(handle.read().decode("utf-8"))
        claims = [Claim(**claim) for claim in entry["claims"]]
        for claim in claims:
            _checked_name(claim.name)
            if not _LOOKUP.fullmatch(claim.lookup):
                raise ValueError(f"Not a field lookup: {claim.lookup!r}")
    except FileNotFoundError:
        return 0
    except (ValueError, KeyError, TypeError):
        logger.warning("Left alone an unreadable import journal entry %s", name)
        return 0
    removed = 0
    for claim in claims:
        try:
            kept = claim.is_kept()
        except (LookupError, FieldError):  # the app or field is gone: keep, ask again tomorrow
            logger.warning("Left alone the import journal entry %s: %s unknown", name, claim.model)
            return removed
        if not kept:
            remove_tree(storage, claim.name)
            removed += 1
    with contextlib.suppress(FileNotFoundError):
        storage.delete(name)
    logger.info("Settled the abandoned import %s: removed %d folders", name, removed)
    return removed


def remove_abandoned_imports(*, now=None, max_age=MAX_AGE):
    """Settle the journal entries older than ``max_age``; return how many folders went."""
    cutoff = (now or datetime.now(UTC)) - max_age
    removed = 0
    for storage in _package_storages():
        try:
            _folders, files = storage.listdir(JOURNAL)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for file in sorted(files):
            match = _ENTRY.fullmatch(file)
            if not match:
                continue
            started = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
            if started < cutoff:
                removed += _settle(storage, f"{JOURNAL}/{file}")
    return removed
