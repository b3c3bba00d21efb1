"""The page cache's options, in one settings dict with defaults::

    PAGE_CACHE = {"ENABLED": True, "ROUTES": True}

``ENABLED`` False computes every :func:`pagecache.cache.cached` value afresh
and reads view restrictions as Wagtail does: the plain path, kept so that the
cache can be switched off and compared (tests/pagecache, ``manage.py
bench_internals``). ``ROUTES`` False leaves Wagtail's site and route look-ups to
Wagtail: :class:`pagecache.middleware.PageRoutingCacheMiddleware` then passes
every request through untouched.

Read on every request, so the merged options are kept until the setting changes.
"""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed

DEFAULTS = {"ENABLED": True, "ROUTES": True}


@cache
def _options():
    return {**DEFAULTS, **(getattr(settings, "PAGE_CACHE", None) or {})}


def option(name):
    return _options()[name]


def _reload(*, setting, **kwargs):
    if setting == "PAGE_CACHE":
        _options.cache_clear()


setting_changed.connect(_reload)
