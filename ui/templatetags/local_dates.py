"""``{{ value|local_date }}`` and ``{{ minutes|duration }}``: see :mod:`ui.dates`."""

from django import template

from ui.dates import duration_text
from ui.dates import local_date as _local_date

register = template.Library()


@register.filter(expects_localtime=False)
def local_date(value, format="DATE_FORMAT"):
    """A date or datetime in the site's time zone and the page's language."""
    return _local_date(value, format)


@register.filter
def duration(minutes):
    """A number of minutes in words: "45 minutes", "1 hour 30 minutes"."""
    return duration_text(minutes)
