"""The library's reference lists, read once and cached until one of them changes.

The nine resource centres, the languages and the accessible formats change a
few times a year, yet the catalogue's filters, its availability lines and the
API read them on every request. They are kept in the cache (Redis in
production, local memory by default) until a centre, language or format is
saved or deleted (``apps.LibraryConfig`` connects the signals), which
forgets them at once and again when the change commits, so no server shows
a list older than the last committed change. Bulk updates that
bypass ``save()`` (``QuerySet.update``) must call :func:`invalidate`.
"""

from django.core.cache import cache
from django.db import transaction

from .models import AccessibleFormat, Centre, Language

TIMEOUT = 24 * 60 * 60
KEYS = {name: f"library:reference:{name}" for name in ("centres", "languages", "formats")}


def _forget():
    cache.delete_many(list(KEYS.values()))


def invalidate(**kwargs):
    """Forget the cached lists (a signal receiver, and callable after a bulk update).

    Forgotten at once and again when the surrounding transaction commits, so a
    request that read the old rows meanwhile cannot leave them cached.
    """
    _forget()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_forget)


def _cached(name, queryset):
    rows = cache.get(KEYS[name])
    if rows is None:
        rows = list(queryset)
        cache.set(KEYS[name], rows, TIMEOUT)
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
