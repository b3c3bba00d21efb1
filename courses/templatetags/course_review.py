"""Template helper of the course review dialog (``CourseReviewTask``)."""

from django import template

from ..models import pages_going_live as find_pages_going_live

register = template.Library()


@register.simple_tag(takes_context=True)
def pages_going_live(context, page):
    """The pages that go live when ``page`` is approved by the signed-in reviewer."""
    request = context.get("request")
    return find_pages_going_live(page, getattr(request, "user", None))
