"""The page cache's options, in one settings dict with defaults::

    PAGE_CACHE = {"ENABLED": True, "ROUTES": True}

``ENABLED`` False computes every :func:`pagecache.cache.cached` value afresh
and reads view restrictions as Wagtail does: the plain path, kept so that the
cache can be switched off and compared (tests/pagecache, ``manage.py
bench_internals``). ``ROUTES`` False leaves Wagtail's site and route look-ups to
Wagtail: :class:`pagecache.middleware.PageRoutingCacheMiddleware` then passes
every request through untouched.
"""

from django.conf import settings

DEFAULTS = {"ENABLED": True, "ROUTES": True}


def option(name):
    return {**DEFAULTS, **(getattr(settings, "PAGE_CACHE", None) or {})}[name]
