"""What moves the page cache's generation on: every change to pages, restrictions,
sites and locales, and the models other apps name with :func:`invalidate_on_change`."""

from django.db.models.signals import post_delete, post_save

from .cache import invalidate

UID = "pagecache"


def invalidate_on_change(*models):
    """Forget the cached answers whenever a row of one of ``models`` is saved or deleted.

    For apps that cache values of their own with :func:`pagecache.cache.cached`
    (lms names its course items and module prerequisites).
    """
    for model in models:
        label = model._meta.label
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{UID}.saved.{label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{UID}.deleted.{label}")


def connect_signals():
    from wagtail.models import Locale, PageViewRestriction, Site, get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate, dispatch_uid=f"{UID}.published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{UID}.unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{UID}.moved")
    invalidate_on_change(*get_page_models(), PageViewRestriction, Site, Locale)
