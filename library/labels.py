"""Printable barcode labels: Code 128 as inline SVG, drawn by python-barcode (no images)."""

import io

import barcode
from barcode.writer import SVGWriter
from django.utils.html import escape
from django.utils.safestring import mark_safe

OPTIONS = {
    "module_width": 0.25,
    "module_height": 12.0,
    "quiet_zone": 2.5,
    "font_size": 7,
    "text_distance": 3.5,
    "compress": False,
}


def code128_svg(value):
    """The barcode ``value`` as an ``<svg>`` element ready to put in a page."""
    buffer = io.BytesIO()
    barcode.get("code128", value, writer=SVGWriter()).write(buffer, options=OPTIONS)
    svg = buffer.getvalue().decode("utf-8")
    # Drop the XML prolog and doctype: the element is embedded in HTML.
    svg = svg[svg.index("<svg") :]
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(value)}" ', 1)
    return mark_safe(svg)  # noqa: S308 - python-barcode escapes the text; the label is escaped
