"""Every page has a <title> of its own, and in Azerbaijani and Russian it is theirs.

Screen-reader users and anyone with many tabs tell pages apart by title (WCAG
2.4.2): the library's result pages say which page, a lesson says its course.
The catalogue's kinds and accessible formats read in the visitor's language too.
"""

import re

import pytest
from django.urls import reverse

from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from library.factories import MaterialFactory
from library.models import AccessibleFormat, Material
from library.views.public import PAGE_SIZE
from lms import services

pytestmark = pytest.mark.django_db

SITE_NAME = {
    "en": "Teacher Learning Platform",
    "az": "Müəllimlər üçün Təlim Platforması",
    "ru": "Учебная платформа для учителей",
}


def title_of(response):
    assert response.status_code == 200, response
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


@pytest.fixture
def walk(learner_client, learner, enrolled, course, lessons, catalogue):
    """The pages a learner meets, including a lesson whose title another course shares."""
    other = CoursePageFactory(parent=catalogue, title="Inclusive schools", slug="schools")
    module = ModulePageFactory(parent=other, title="Rights", slug="rights")
    twin = LessonPageFactory(parent=module, title="Article 24", slug="article-24")
    services.enrol(learner, other)
    braille = AccessibleFormat.objects.get(code="braille")
    materials = [
        MaterialFactory(kind=Material.Kind.DEVICE, formats=[braille])
        for _n in range(2 * PAGE_SIZE + 1)
    ]
    catalogue_url = reverse("library:catalogue")
    urls = [
        catalogue.url,
        course.url,
        other.url,
        lessons[0].url,
        twin.url,
        lessons[1].url,
        catalogue_url,
        f"{catalogue_url}?page=2",
        f"{catalogue_url}?page=3",
        reverse("library:material", args=[materials[0].pk]),
        reverse("library:my_library"),
        reverse("lms:dashboard"),
        reverse("lms:transcript"),
        reverse("report_exports"),
        reverse("competencies:profile"),
        reverse("password_change"),
    ]
    assert lessons[0].title == twin.title

    def titles():
        return {url: title_of(learner_client.get(url)) for url in urls}

    return titles


def test_every_page_has_a_title_of_its_own(walk):
    titles = walk()
    repeated = {t for t in titles.values() if list(titles.values()).count(t) > 1}
    assert not repeated, {url: t for url, t in titles.items() if t in repeated}


def test_library_result_pages_and_lessons_say_which(walk, course):
    titles = walk()
    assert "page 2" in titles[f"{reverse('library:catalogue')}?page=2"]
    assert "page 3" in titles[f"{reverse('library:catalogue')}?page=3"]
    assert "page" not in titles[reverse("library:catalogue")]
    lesson_titles = [t for url, t in titles.items() if url.endswith("/article-24/")]
    assert sorted(lesson_titles) == [
        "Article 24 · Inclusive classrooms · Teacher Learning Platform",
        "Article 24 · Inclusive schools · Teacher Learning Platform",
    ]


@pytest.mark.parametrize("language", ["az", "ru"])
def test_titles_are_in_the_pages_language_and_still_distinct(walk, learner_client, language):
    learner_client.cookies["django_language"] = language
    titles = walk()
    for url, title in titles.items():
        assert SITE_NAME[language] in title, url
        assert "Teacher Learning Platform" not in title, url
    assert len(set(titles.values())) == len(titles)


# What the visitor reads for a kind and a format, in each language.
KIND_AND_FORMAT = {
    "az": ("Köməkçi vasitə", "Brayl"),
    "ru": ("Вспомогательное устройство", "Шрифт Брайля"),
}


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_catalogues_kinds_and_formats_are_translated(client, language):
    braille = AccessibleFormat.objects.get(code="braille")
    material = MaterialFactory(kind=Material.Kind.DEVICE, formats=[braille])
    client.cookies["django_language"] = language
    kind, format_name = KIND_AND_FORMAT[language]
    results = client.get(reverse("library:catalogue")).content.decode()
    assert f'<option value="device">{kind}</option>' in results
    assert f'<option value="braille">{format_name}</option>' in results
    assert f"<dd>{format_name}</dd>" in results
    detail = client.get(reverse("library:material", args=[material.pk])).content.decode()
    assert f"<dd>{kind}</dd>" in detail and f"<dd>{format_name}</dd>" in detail
    assert "Braille" not in results + detail
