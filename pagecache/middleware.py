"""Wagtail's site and route look-ups answered from the cache (:mod:`pagecache.cache`).

Wagtail keeps the site it found for a request in ``request._wagtail_site`` and
the page a path routes to in ``request._wagtail_route_for_request``; this
middleware fills both from the cache before Wagtail looks, and remembers what
Wagtail found after a successful GET. Those attributes are Wagtail's own, not
a public API: ``PAGE_CACHE = {"ROUTES": False}`` (or leaving the middleware
out) routes every request through Wagtail alone, and the tests run the hot
pages both ways (tests/pagecache/test_plain_path.py).
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils import translation
from wagtail.models import Page

from .cache import TIMEOUT, generation
from .conf import option


def _host_key(request):
    return f"{request.get_host()}:{request.get_port()}"


class PageRoutingCacheMiddleware:
    """Answer Wagtail's site and route look-ups from the cache (after ``LocaleMiddleware``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = request.method in ("GET", "HEAD") and option("ENABLED") and option("ROUTES")
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
