"""The one formatter for dates a person reads: local time, the reader's language.

Every date a learner meets (certificate PDF, verification page, dashboard,
transcript, "My exports", reports) goes through :func:`local_date`, so that a
certificate issued at 22:30 UTC reads as the next day everywhere, as it is in
Baku, and month names follow the active language::

    from ui.dates import local_date

    local_date(certificate.completed_at)                  # "8 dekabr 2026" in az
    local_date(export.created_at, "DATETIME_FORMAT")      # with the time

Templates use the ``local_date`` filter from ``{% load local_dates %}``; its
``duration`` filter writes a number of minutes the same way ("1 hour 30 minutes").
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import ngettext


def local_date(value, format="DATE_FORMAT"):
    """``value`` (a date or datetime) as text in ``settings.TIME_ZONE`` and the active language.

    ``format`` is one of Django's format names (``DATE_FORMAT``, ``DATETIME_FORMAT``,
    ...), so each locale's own order and month names apply. ``None`` gives "".
    """
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value, timezone.get_default_timezone())
    return formats.date_format(value, format, use_l10n=True)


def duration_text(minutes):
    """``minutes`` as words in the active language: "45 minutes", "1 hour 30 minutes", "2 hours"."""
    hours, minutes = divmod(int(minutes or 0), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes or not hours:
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    return " ".join(parts)
