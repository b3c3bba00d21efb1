"""A failed or killed H5P or SCORM import leaves no folder behind, at the latest a day on.

The attack: an upload made to fail after extraction (a database error, a
worker killed by a timeout, a transaction rolled back by the view) left its
unpacked folder in storage with no row pointing at it, for ever; repeated, it
fills the disk. Now every import names the folders it will write in a journal
entry first: a failure removes them at once, and the daily job removes what a
killed import left once it is a day old, keeping what live packages use.
"""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, default_storage, storages
from django.db import DatabaseError, transaction

from content_packages.imports import (
    JOURNAL,
    Claim,
    ImportJournal,
    remove_abandoned_imports,
    remove_tree,
)
from h5p.importing import import_package as import_h5p
from h5p.models import H5PActivity, H5PLibrary
from h5p.storage import h5p_storage
from operations.jobs import operations_setting, remove_abandoned_package_imports
from scorm.importing import import_package as import_scorm
from scorm.models import ScormPackage
from tests.h5p.packages import tiny
from tests.scorm.packages import scorm12_zip

pytestmark = pytest.mark.django_db

LATER = timedelta(days=1, minutes=1)


def tree(storage):
    """Every file and folder of a local storage, as relative names."""
    root = Path(storage.location)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*"))


def new_names(storage, before):
    """What appeared since ``before``, except the shared area folders themselves."""
    areas = {"h5p", "h5p/content", "h5p/libraries", "h5p/packages", JOURNAL}
    areas |= {"scorm", "scorm/packages", "scorm/archives"}
    return [name for name in tree(storage) if name not in before and name not in areas]


def refuse(*args, **kwargs):
    raise DatabaseError("the database went away")


@pytest.fixture
def killed(monkeypatch):
    """The process dies after extracting: nothing it would have cleaned up is cleaned up."""
    monkeypatch.setattr(ImportJournal, "abandon", lambda self: None)


def test_an_h5p_import_failing_at_the_database_write_leaves_no_file_or_folder(monkeypatch):
    storage = h5p_storage()
    before = tree(storage)
    monkeypatch.setattr(H5PActivity, "save", refuse)
    with pytest.raises(DatabaseError):
        import_h5p(tiny())
    assert new_names(storage, before) == []
    assert not H5PActivity.objects.exists() and not H5PLibrary.objects.exists()


def test_an_h5p_import_failing_at_its_last_check_leaves_nothing(monkeypatch):
    from django.core.exceptions import ValidationError

    def invalid(self, *args, **kwargs):
        raise ValidationError("refused late")

    storage = h5p_storage()
    before = tree(storage)
    monkeypatch.setattr(H5PActivity, "full_clean", invalid)
    with pytest.raises(ValidationError):
        import_h5p(tiny())
    assert new_names(storage, before) == []


def test_a_scorm_import_failing_at_the_database_write_leaves_no_file_or_folder(monkeypatch):
    before = tree(default_storage)
    monkeypatch.setattr(ScormPackage, "save", refuse)
    with pytest.raises(DatabaseError):
        import_scorm(scorm12_zip())
    assert new_names(default_storage, before) == []
    assert not ScormPackage.objects.exists()


def test_a_committed_import_keeps_its_files_and_drops_its_journal_entry(
    django_capture_on_commit_callbacks,
):
    before = tree(default_storage)
    with django_capture_on_commit_callbacks(execute=True):
        package = import_scorm(scorm12_zip())
    added = new_names(default_storage, before)
    assert not [name for name in added if name.startswith(JOURNAL)]
    assert f"{package.storage_prefix}/index.html" in added
    assert package.file.name in added


@pytest.mark.parametrize("importer", ["h5p", "scorm"])
def test_the_daily_job_removes_what_a_killed_import_left_a_day_on(killed, monkeypatch, importer):
    if importer == "h5p":
        storage, model, run = h5p_storage(), H5PActivity, lambda: import_h5p(tiny())
    else:
        storage, model, run = default_storage, ScormPackage, lambda: import_scorm(scorm12_zip())
    before = tree(storage)
    with monkeypatch.context() as patched:
        patched.setattr(model, "save", refuse)
        with pytest.raises(DatabaseError):
            run()
    left = new_names(storage, before)
    assert any(name.startswith(JOURNAL) for name in left)
    assert len(left) > 3  # the unpacked files and the journal entry

    assert remove_abandoned_imports() == 0  # fresh: the import may still be running
    assert new_names(storage, before) == left
    assert remove_abandoned_imports(now=datetime.now(UTC) + LATER) >= 2
    assert new_names(storage, before) == []


def test_a_rolled_back_transaction_leaves_files_only_until_the_daily_job():
    """The admin's views import inside their own transaction, which may still roll back."""
    storage = h5p_storage()
    before = tree(storage)
    with pytest.raises(RuntimeError), transaction.atomic():
        import_h5p(tiny())
        raise RuntimeError("the view failed after the import")
    assert not H5PActivity.objects.exists()
    assert new_names(storage, before)
    remove_abandoned_imports(now=datetime.now(UTC) + LATER)
    assert new_names(storage, before) == []


def test_the_daily_job_keeps_live_packages_and_fresh_imports(django_capture_on_commit_callbacks):
    storage = h5p_storage()
    with django_capture_on_commit_callbacks(execute=True):
        live = import_h5p(tiny(), title="Live")
        scorm = import_scorm(scorm12_zip(), title="Live SCORM")
    # Killed after the commit, before its entry went: its folders are kept.
    long_ago = datetime.now(UTC) - timedelta(days=3)
    live_entry = ImportJournal.begin(
        storage,
        [
            Claim(live.storage_prefix, "h5p.H5PActivity", "storage_prefix"),
            *[
                Claim(prefix, "h5p.H5PLibrary", "storage_prefix")
                for prefix in live.library_paths.values()
            ],
        ],
        now=long_ago,
    )
    scorm_entry = ImportJournal.begin(
        default_storage,
        [Claim(scorm.storage_prefix, "scorm.ScormPackage", "storage_prefix")],
        now=long_ago,
    )
    # A stale abandoned import and a fresh one, both killed before their rows were written.
    stale, fresh = "h5p/content/" + "a" * 32, "h5p/content/" + "b" * 32
    entries = {}
    for prefix, when in ((stale, long_ago), (fresh, datetime.now(UTC) - timedelta(hours=20))):
        claim = Claim(prefix, "h5p.H5PActivity", "storage_prefix")
        entries[prefix] = ImportJournal.begin(storage, [claim], now=when)
        storage.save(f"{prefix}/content/content.json", ContentFile(b"{}"))

    assert remove_abandoned_imports() == 1
    assert not storage.exists(f"{stale}/content/content.json")
    assert not Path(storage.path(stale)).exists()
    assert storage.exists(f"{fresh}/content/content.json")
    assert storage.exists(f"{live.storage_prefix}/h5p.json")
    for prefix in live.library_paths.values():
        assert storage.exists(f"{prefix}/H5P.Tiny-1.0/tiny.js")
    assert default_storage.exists(f"{scorm.storage_prefix}/index.html")
    assert default_storage.exists(scorm.file.name)
    # Only the fresh entry is left for another day.
    assert storage.exists(entries[fresh].name)
    assert not storage.exists(entries[stale].name)
    assert not storage.exists(live_entry.name) and not default_storage.exists(scorm_entry.name)


def test_a_replacement_killed_after_its_commit_loses_only_the_old_files(
    django_capture_on_commit_callbacks,
):
    storage = h5p_storage()
    with django_capture_on_commit_callbacks(execute=True):
        activity = import_h5p(tiny())
    old_prefix, old_package = activity.storage_prefix, activity.package.name
    # Committed (in the test's transaction); the process dies before its on-commit clean-up.
    import_h5p(tiny(), activity=activity)
    activity.refresh_from_db()
    assert storage.exists(f"{old_prefix}/h5p.json")
    remove_abandoned_imports(now=datetime.now(UTC) + LATER)
    assert not storage.exists(f"{old_prefix}/h5p.json") and not storage.exists(old_package)
    assert storage.exists(f"{activity.storage_prefix}/h5p.json")
    assert storage.exists(activity.package.name)


def test_the_job_is_one_of_the_daily_jobs():
    assert "operations.jobs.remove_abandoned_package_imports" in operations_setting("DAILY_TASKS")
    assert remove_abandoned_package_imports.call() == 0


def test_storage_without_local_paths_is_cleaned_through_the_storage_api(settings):
    """S3 has no folders: the job lists and deletes through the Storage API."""
    memory = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    settings.STORAGES = {**settings.STORAGES, "remote": memory}
    remote = storages["remote"]
    assert isinstance(remote, InMemoryStorage)
    prefix = "scorm/packages/" + "c" * 32
    ImportJournal.begin(
        remote,
        [Claim(prefix, "scorm.ScormPackage", "storage_prefix")],
        now=datetime.now(UTC) - timedelta(days=2),
    )
    for name in ("index.html", "shared/a.js", "shared/deeper/b.css"):
        remote.save(f"{prefix}/{name}", ContentFile(b"x"))
    assert remove_abandoned_imports() == 1
    for name in ("index.html", "shared/a.js", "shared/deeper/b.css"):
        assert not remote.exists(f"{prefix}/{name}")
    assert remote.listdir(JOURNAL)[1] == []


def test_remove_tree_refuses_names_outside_its_folder():
    for name in ("", "/", "../media", "h5p/../..", "a\\b"):
        with pytest.raises(ValueError):
            remove_tree(default_storage, name)
