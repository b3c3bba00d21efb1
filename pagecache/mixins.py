"""A page mixin that skips Wagtail's per-ancestor restriction queries while none exist."""

from wagtail.models import PageViewRestriction

from .cache import any_view_restrictions
from .conf import option


class CachedViewRestrictionsMixin:
    """Skip the per-ancestor restriction queries while no page is restricted anywhere."""

    def get_view_restrictions(self):
        if option("ENABLED") and not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
