"""The library's reference lists, read once and cached until one of them changes.

The nine resource centres, the languages and the accessible formats change a
few times a year, yet the catalogue's filters, its availability lines and the
API read them on every request. They are kept in the cache (Redis in
production, local memory by default) under a generation number that saving
or deleting a centre, language or format moves on (``apps.LibraryConfig``
connects the signals), at once and again when the change commits, so no
server shows a list older than the last committed change. Bulk updates that
bypass ``save()`` (``QuerySet.update``) must call :func:`invalidate`.
"""

from django.core.cache import cache
from django.db import transaction

from .models import AccessibleFormat, Centre, Language

GENERATION_KEY = "library:reference:generation"
TIMEOUT = 24 * 60 * 60


def _generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def invalidate(**kwargs):
    """Forget the cached lists (a signal receiver, and callable after a bulk update)."""
    _next_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_next_generation)


def _cached(name, queryset):
    key = f"library:reference:{_generation()}:{name}"
    rows = cache.get(key)
    if rows is None:
        rows = list(queryset)
        cache.set(key, rows, TIMEOUT)
    return rows


def centres():
    """Every resource centre, in their own order (district, then name)."""
    return _cached("centres", Centre.objects.all())


def languages():
    """Every language materials are catalogued in, by name."""
    return _cached("languages", Language.objects.all())


def formats():
    """Every accessible format, by name."""
    return _cached("formats", AccessibleFormat.objects.all())


MODELS = (Centre, Language, AccessibleFormat)
