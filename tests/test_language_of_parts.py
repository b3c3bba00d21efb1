"""Parts of a page in another language than the page's carry their own ``lang`` (WCAG 3.1.2)."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from library.factories import MaterialFactory

pytestmark = pytest.mark.django_db


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load language_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(
    "text, page, expected",
    [
        ("Азбука Брайля", "az", ' lang="ru"'),
        ("Азбука Брайля", "ru", ""),
        ("Autizmli uşaqlarla iş", "ru", ' lang="az"'),
        ("Autizmli uşaqlarla iş", "en", ' lang="az"'),
        ("İnklüziv təhsil", "az", ""),
        ("Video magnifier", "az", ""),  # plain Latin: the letters do not tell
    ],
)
def test_text_is_marked_with_the_language_its_letters_show(text, page, expected):
    assert render("{% lang_attr_of text %}", page, text=text) == expected


def test_a_name_in_plain_latin_letters_on_a_russian_page_is_azerbaijani():
    assert render('{% lang_attr_of name "az" %}', "ru", name="Aysel Quliyeva") == ' lang="az"'
    assert render('{% lang_attr_of name "az" %}', "en", name="Aysel Quliyeva") == ""


def test_an_untranslated_course_in_an_azerbaijani_catalogue_is_marked_english(client, course):
    client.cookies["django_language"] = "az"
    html = client.get(course.url).content.decode()
    assert re.search(r'<html lang="az"', html)
    assert re.search(r'<h1 lang="en">\s*Inclusive classrooms', html)
    client.cookies["django_language"] = "en"
    html = client.get(course.url).content.decode()
    assert re.search(r"<h1>\s*Inclusive classrooms", html)


def test_an_untranslated_lessons_title_and_text_are_marked_english(
    learner_client, enrolled, course
):
    lesson = course.get_lessons()[0]
    learner_client.cookies["django_language"] = "ru"
    html = learner_client.get(lesson.url).content.decode()
    assert '<h1 id="lesson-title" lang="en">' in html
    assert '<div lang="en">' in html  # its text blocks
    # The interface around them speaks Russian, unmarked.
    assert re.search(r"<button[^>]*>\s*Отметить как пройденный|Урок 1 из", html)


def test_a_materials_title_carries_its_language(client):
    material = MaterialFactory(title="Жестовый язык для учителей")
    client.cookies["django_language"] = "az"
    html = client.get(reverse("library:material", args=[material.pk])).content.decode()
    assert '<h1 lang="ru">Жестовый язык для учителей</h1>' in html


def test_a_reference_label_read_in_a_fallback_language_carries_it():
    from courses.models import Programme

    programme = Programme.objects.create(slug="pilot", name_en="Pilot programme")
    programme.refresh_from_db()
    assert render("{% label_lang_attr programme %}", "az", programme=programme) == ' lang="en"'
    assert render("{% label_lang_attr programme %}", "en", programme=programme) == ""
    named = Programme.objects.get(slug="inclusive-education")
    assert render("{% label_lang_attr programme %}", "ru", programme=named) == ""


def test_the_home_pages_guidance_lines_cost_the_same_with_one_page_or_four(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, Site

    from pages.models import GuidancePage, HomePage

    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Learning for inclusive education", slug="home-of-guides")
    )
    home.save_revision().publish()
    Site.objects.filter(is_default_site=True).update(root_page=home)

    def add_guidance(number):
        page = home.add_child(
            instance=GuidancePage(title=f"Guide {number}", slug=f"guide-{number}")
        )
        page.save_revision().publish()

    client.cookies["django_language"] = "az"

    def home_queries():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/").content.decode()
        assert 'lang="en"' in html  # the guidance lines are English on an Azerbaijani page
        return len(queries)

    add_guidance(1)
    client.get("/")  # warm the caches
    one = home_queries()
    for number in (2, 3, 4):
        add_guidance(number)
    client.get("/")
    assert home_queries() == one
