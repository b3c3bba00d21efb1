"""Admin wiring of the site's own pages."""

from wagtail import hooks

from courses.admin_views import SafeCreatePageViewSet

from .models import GuidancePage, HomePage


@hooks.register("register_admin_viewset")
def register_site_page_viewsets():
    """A page saved twice at once gets a form error, not a 500 (courses.admin_views)."""
    return [
        SafeCreatePageViewSet(f"pages_{model._meta.model_name}", model=model)
        for model in (HomePage, GuidancePage)
    ]
