"""Template helpers of the course pages."""

from django import template
from django.utils.html import format_html_join
from wagtail import hooks
from wagtail.models import Site

from pagecache.cache import cached

from ..models import CatalogueIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context):
    """URL of the live course catalogue (cached until pages change)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None

    def find():
        catalogue = CatalogueIndexPage.objects.live().only("url_path").first()
        return catalogue.get_url(request) if catalogue else "/"

    return cached("catalogue-url", find, site=site)


@register.simple_tag(takes_context=True)
def course_page_extras(context, course, enrolment):
    """HTML other apps add below a course's progress box (the ``insert_course_page_html`` hook).

    Each hook function takes ``(request, course, enrolment)`` (``enrolment``
    may be None) and returns safe HTML or an empty string.
    """
    request = context.get("request")
    parts = [fn(request, course, enrolment) for fn in hooks.get_hooks("insert_course_page_html")]
    return format_html_join("", "{}", ((part,) for part in parts if part))
