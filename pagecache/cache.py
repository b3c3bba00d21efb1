"""Fewer queries before a page's own work starts, with caches that follow every change.

On every request Wagtail looks up the site for the host, the active locale,
walks the page tree one level at a time to the page, and checks view
restrictions against every ancestor: six to eight queries that read what
changes only when someone publishes, moves, deletes or restricts a page or
edits a site. Those answers are cached here (Redis in production, local memory
by default) under a *generation* number that each such change moves on, so a
change is seen by every server at once and nothing stale is served:

- the site for a host and port (Wagtail's ``request._wagtail_site``);
- the page a path leads to, for pages served at their own address
  (``request._wagtail_route_for_request``): the page itself is then read in
  one query, and only while it is live;
- whether any view restriction exists at all
  (:class:`pagecache.mixins.CachedViewRestrictionsMixin`);
- small per-site values such as the catalogue's address, a course's outline,
  the course a lesson belongs to and a lesson's record item (:func:`cached`).

Paths that lead nowhere, routable sub-pages and anything but GET and HEAD are
never cached: they are routed by Wagtail as usual. The site and route look-ups
(:mod:`pagecache.middleware`) set Wagtail's own request attributes; with
``PAGE_CACHE = {"ROUTES": False}`` they are left to Wagtail, and with
``{"ENABLED": False}`` nothing is cached at all (:mod:`pagecache.conf`).
"""

from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

from .conf import option

GENERATION_KEY = "pagecache:generation"
TIMEOUT = 24 * 60 * 60


def generation():
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
    """Move the generation on: every cached answer is forgotten on every server.

    Moved on at once and again when the surrounding transaction commits, so
    that a request which read the old rows while the change was still
    uncommitted cannot leave them cached under the new generation.
    """
    _next_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_next_generation)


def cached(name, compute, *, site=None):
    """``compute()``, cached per site until the pages or sites change."""
    if not option("ENABLED"):
        return compute()
    key = f"pagecache:{generation()}:{getattr(site, 'pk', None)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def any_view_restrictions():
    return cached("restrictions", PageViewRestriction.objects.exists)
