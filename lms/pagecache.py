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
- whether any view restriction exists at all (:class:`CachedViewRestrictionsMixin`);
- small per-site values such as the catalogue's address, a course's outline,
  the course a lesson belongs to and a lesson's record item (:func:`cached`).

Paths that lead nowhere, routable sub-pages and anything but GET and HEAD are
never cached: they are routed by Wagtail as usual.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

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
    key = f"pagecache:{generation()}:{getattr(site, 'pk', None)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def any_view_restrictions():
    return cached("restrictions", PageViewRestriction.objects.exists)


class CachedViewRestrictionsMixin:
    """Skip the per-ancestor restriction queries while no page is restricted anywhere."""

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _host_key(request):
    return f"{request.get_host()}:{request.get_port()}"


class PageRoutingCacheMiddleware:
    """Answer Wagtail's site and route look-ups from the cache (after ``LocaleMiddleware``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = request.method in ("GET", "HEAD")
        keys = None
        if cacheable:
            keys = self._prime(request)
        response = self.get_response(request)
        if cacheable and response.status_code == 200:
            self._remember(request, keys)
        return response

    def _keys(self, request):
        prefix = f"pagecache:{generation()}"
        language = translation.get_language() or ""
        # Paths may hold any character; a digest keeps the key safe for every backend.
        path = hashlib.sha256(request.path_info.encode("utf-8", "surrogatepass")).hexdigest()
        return (
            f"{prefix}:site:{_host_key(request)}",
            f"{prefix}:route:{_host_key(request)}:{language}:{path}",
        )

    def _prime(self, request):
        try:
            keys = self._keys(request)
        except DisallowedHost:  # leave a bad Host header to Django's own checks
            return None
        site_key, route_key = keys
        found = cache.get_many(keys)
        site = found.get(site_key)
        if site is None:
            return keys
        request._wagtail_site = site
        request._pagecache_site = True
        route = found.get(route_key)
        if route is not None:
            page_id, content_type_id = route
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model and model.objects.filter(pk=page_id, live=True).first()
            if page is not None:
                request._wagtail_route_for_request = (page, [], {})
                request._pagecache_route = True
        return keys

    def _remember(self, request, keys):
        if keys is None:
            return
        site_key, route_key = keys
        values = {}
        site = getattr(request, "_wagtail_site", None)
        if site is not None and not getattr(request, "_pagecache_site", False):
            values[site_key] = site
        route = getattr(request, "_wagtail_route_for_request", None)
        if (
            route is not None
            and not getattr(request, "_pagecache_route", False)
            and isinstance(route[0], Page)
            and not route[1]
            and not route[2]
        ):
            values[route_key] = (route[0].pk, route[0].content_type_id)
        if values:
            cache.set_many(values, TIMEOUT)


def connect_signals():
    """Forget the cached answers whenever pages, restrictions, sites, locales or module
    prerequisites change (``lms.structure`` also does after its bulk writes)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Site, get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import CourseItem, ModuleRequirement

    uid = "lms.pagecache"
    page_published.connect(invalidate, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}.moved")
    for model in [
        *get_page_models(),
        PageViewRestriction,
        Site,
        Locale,
        CourseItem,
        ModuleRequirement,
    ]:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}.saved.{model._meta.label}")
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"{uid}.deleted.{model._meta.label}"
        )
