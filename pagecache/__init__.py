"""Answers Wagtail reads on every request, cached until the page tree changes.

``pagecache.cache`` (:func:`~pagecache.cache.cached`, :func:`~pagecache.cache.invalidate`),
``pagecache.mixins`` (view restrictions) and ``pagecache.middleware`` (site and
route look-ups). Settings: ``PAGE_CACHE`` (:mod:`pagecache.conf`).
"""
