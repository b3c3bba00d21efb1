"""Template helpers of the course pages."""

from django import template
from django.utils.html import format_html_join
from wagtail import hooks

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


@register.simple_tag(takes_context=True)
def course_page_extras(context, course, enrolment):
    """HTML other apps add below a course's progress box (the ``insert_course_page_html`` hook).

    Each hook function takes ``(request, course, enrolment)`` (``enrolment``
    may be None) and returns safe HTML or an empty string.
    """
    request = context.get("request")
    parts = [fn(request, course, enrolment) for fn in hooks.get_hooks("insert_course_page_html")]
    return format_html_join("", "{}", ((part,) for part in parts if part))
