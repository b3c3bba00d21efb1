"""Template helpers of the course pages."""

from django import template

from ..models import CatalogueIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context):
    """URL of the live course catalogue, looked up once per request."""
    request = context.get("request")
    cached = getattr(request, "_catalogue_url", None)
    if cached is not None:
        return cached
    catalogue = CatalogueIndexPage.objects.live().only("url_path").first()
    url = catalogue.get_url(request) if catalogue else "/"
    if request is not None:
        request._catalogue_url = url
    return url
