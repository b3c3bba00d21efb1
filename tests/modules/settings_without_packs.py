"""Test settings without the module packs named in ``REMOVED_APPS`` (comma-separated)."""

import os

from portal.settings.test import *  # noqa: F403

REMOVED = {name for name in os.environ.get("REMOVED_APPS", "").split(",") if name}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in REMOVED]  # noqa: F405
