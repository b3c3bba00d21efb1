"""Layout helpers every app's templates share.

Usage::

    {% load layout_tags %}
    <h2 id="loans-heading">On loan</h2>
    {% scroll_region "loans-heading" %}<table>…</table>{% endscroll_region %}
"""

from django import template
from django.utils.html import format_html

register = template.Library()


class ScrollRegionNode(template.Node):
    def __init__(self, label, nodelist):
        self.label = label
        self.nodelist = nodelist

    def render(self, context):
        return format_html(
            '<div class="table-scroll" role="region" aria-labelledby="{}" tabindex="0">{}</div>',
            self.label.resolve(context),
            self.nodelist.render(context),
        )


@register.tag
def scroll_region(parser, token):
    """A table too wide for a phone scrolls inside its own region, not the page.

    WCAG 1.4.10 (reflow) allows two-dimensional content such as a data table to
    scroll on its own. The region is named by the element whose id is given (the
    table's caption or heading) and takes keyboard focus, so it can be scrolled
    without a mouse.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes one argument: the id of the element naming the region."
        )
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(parser.compile_filter(bits[1]), nodelist)
