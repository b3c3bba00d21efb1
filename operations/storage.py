"""Private storages an app needs, looked up on first use, with a default.

An app keeps files that must never be served from ``MEDIA_URL`` (report
exports, extracted H5P packages) in a storage of its own alias. A site may
define it in ``STORAGES``; if it does not, the app still installs and works,
with a folder ``var/<alias>`` under the project's ``BASE_DIR`` (the current
directory if the site has none), which no web server serves::

    from operations.storage import PrivateStorage

    exports = PrivateStorage("exports")
    exports.save("1/report.csv", content)   # STORAGES["exports"], or var/exports
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import LazyObject


class PrivateStorage(LazyObject):
    """``STORAGES[alias]`` if the site defines it, else a private folder; resolved on first use."""

    def __init__(self, alias):
        # Set before LazyObject's own attributes: any other attribute would be the storage's.
        self.__dict__["alias"] = alias
        super().__init__()

    def _setup(self):
        alias = self.__dict__["alias"]
        if alias in settings.STORAGES:
            self._wrapped = storages[alias]
        else:
            base = Path(getattr(settings, "BASE_DIR", None) or Path.cwd())
            self._wrapped = FileSystemStorage(location=base / "var" / alias)
