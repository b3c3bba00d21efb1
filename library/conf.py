"""The library's options, in one namespaced settings dict with defaults.

A site sets only what it changes::

    LIBRARY = {"DEFAULT_LOAN_DAYS": 21, "DUE_SOON_DAYS": 3}

and code reads them through ``library_settings``::

    from library.conf import library_settings
    library_settings.DEFAULT_LOAN_DAYS
"""

from django.conf import settings
from django.core.signals import setting_changed

DEFAULTS = {
    # The rule used when no LoanRule row matches a centre, patron category and kind.
    "DEFAULT_LOAN_DAYS": 21,
    "DEFAULT_RENEWALS": 2,
    "DEFAULT_MAX_LOANS": 10,
    "DEFAULT_MAX_HOLDS": 5,
    # How long a copy waits on the hold shelf for its patron.
    "HOLD_PICKUP_DAYS": 7,
    # A loan is "due soon" this many days before its due date.
    "DUE_SOON_DAYS": 2,
    # New patron cards are valid this long.
    "CARD_VALID_DAYS": 3 * 365,
    # Copies per printed label sheet.
    "LABELS_PER_SHEET": 40,
}


class LibrarySettings:
    def __init__(self, defaults):
        self.defaults = defaults
        self._cache = {}

    def __getattr__(self, name):
        if name not in self.defaults:
            raise AttributeError(f"Unknown LIBRARY setting: {name!r}")
        if name not in self._cache:
            user = getattr(settings, "LIBRARY", {}) or {}
            self._cache[name] = user.get(name, self.defaults[name])
        return self._cache[name]

    def reload(self):
        self._cache.clear()


library_settings = LibrarySettings(DEFAULTS)


def _reload(*, setting, **kwargs):
    if setting == "LIBRARY":
        library_settings.reload()


setting_changed.connect(_reload)
