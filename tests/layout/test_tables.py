"""Every table scrolls in its own named, focusable region, never the page (WCAG 1.4.10)."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse

from library.factories import CentreFactory, CopyFactory, MaterialFactory


def render(source, **context):
    return Template("{% load layout_tags %}" + source).render(Context(context))


def test_a_scroll_region_is_named_by_the_given_element_and_takes_focus():
    html = render('{% scroll_region "loans" %}<table></table>{% endscroll_region %}')
    assert html == (
        '<div class="table-scroll" role="region" aria-labelledby="loans" tabindex="0">'
        "<table></table></div>"
    )


def test_a_scroll_region_escapes_its_label():
    html = render("{% scroll_region label %}x{% endscroll_region %}", label='a" onclick="b')
    assert 'aria-labelledby="a&quot; onclick=&quot;b"' in html


@pytest.mark.parametrize(
    "source",
    [
        "{% scroll_region %}x{% endscroll_region %}",
        '{% scroll_region "a" "b" %}x{% endscroll_region %}',
        '{% scroll_region "a" %}x',
    ],
)
def test_a_scroll_region_without_one_label_or_its_end_is_a_template_error(source):
    with pytest.raises(TemplateSyntaxError):
        render(source)


@pytest.mark.django_db
def test_the_copies_table_of_a_material_page_scrolls_in_a_region_named_by_its_caption(client):
    material = MaterialFactory()
    CopyFactory(material=material, home_centre=CentreFactory())
    html = client.get(reverse("library:material", args=[material.pk])).content.decode()
    assert (
        '<div class="table-scroll" role="region" aria-labelledby="copies-caption" tabindex="0">'
        in html
    )
    assert '<caption class="visually-hidden" id="copies-caption">' in html
