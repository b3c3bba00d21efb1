"""``{{ value|local_date }}``: the site's one date formatter (see :mod:`pages.dates`)."""

from django import template

from pages.dates import local_date as _local_date

register = template.Library()


@register.filter(expects_localtime=False)
def local_date(value, format="DATE_FORMAT"):
    """A date or datetime in the site's time zone and the page's language."""
    return _local_date(value, format)
