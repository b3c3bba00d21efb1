"""H5P files are private even on a site that defines no ``STORAGES["h5p"]`` (issue 20)."""

from pathlib import Path

from django.core.files.base import ContentFile

from h5p.storage import h5p_storage
from operations.storage import PrivateStorage


def test_without_an_h5p_storage_files_go_to_a_private_folder_not_media(settings, tmp_path):
    settings.STORAGES = {k: v for k, v in settings.STORAGES.items() if k != "h5p"}
    settings.BASE_DIR = tmp_path
    settings.MEDIA_ROOT = str(tmp_path / "media")
    storage = PrivateStorage("h5p")
    name = storage.save("content/1/content.json", ContentFile(b"{}"))
    assert (tmp_path / "var" / "h5p" / name).read_bytes() == b"{}"
    assert not (Path(settings.MEDIA_ROOT) / name).exists()


def test_the_sites_h5p_storage_is_used_when_it_has_one(settings):
    location = Path(settings.STORAGES["h5p"]["OPTIONS"]["location"])
    name = h5p_storage().save("probe/file.txt", ContentFile(b"x"))
    try:
        assert (location / name).exists()
    finally:
        h5p_storage().delete(name)
