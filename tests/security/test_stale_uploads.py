"""A cohort-import preview the trainer never confirmed does not keep its file for ever.

The preview stores the uploaded CSV/XLSX (names and email addresses) in media
storage under ``cohort-imports/`` until the trainer confirms; the daily jobs
delete what is older than a day.
"""

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from lms.tasks import IMPORT_PREVIEWS, prune_import_previews
from operations import jobs

pytestmark = pytest.mark.django_db

ROWS = b"email,first_name,last_name,district\naysel@example.az,Aysel,Mammadova,baku\n"


@pytest.fixture
def previews():
    """Two previews: one uploaded 25 hours ago, one a minute ago."""
    old = default_storage.save(f"{IMPORT_PREVIEWS}/old.csv", ContentFile(ROWS))
    fresh = default_storage.save(f"{IMPORT_PREVIEWS}/fresh.xlsx", ContentFile(ROWS))
    yesterday = time.time() - 25 * 3600
    os.utime(default_storage.path(old), (yesterday, yesterday))
    minute_ago = time.time() - 60
    os.utime(default_storage.path(fresh), (minute_ago, minute_ago))
    yield old, fresh
    for path in (old, fresh):
        default_storage.delete(path)


def test_a_preview_older_than_a_day_is_deleted_and_a_fresh_one_kept(previews):
    old, fresh = previews
    assert prune_import_previews.call() == 1
    assert not default_storage.exists(old)
    assert default_storage.exists(fresh)


def test_the_daily_jobs_delete_unconfirmed_previews(previews):
    old, fresh = previews
    assert "lms.tasks.prune_import_previews" in jobs.run_daily_jobs.call("2026-11-24")
    assert not default_storage.exists(old)
    assert default_storage.exists(fresh)


def test_with_no_preview_ever_uploaded_the_job_deletes_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    assert prune_import_previews.call() == 0
