"""Search understands Azerbaijani, Russian and English, on the database the suite runs on.

The twenty recorded searches (demo/search_queries.py) run against the library demo
(``seed_library``): CI runs the suite on SQLite and on PostgreSQL, so the same test
proves both. Every search path goes through ui.search: the catalogue page, its API,
the desk (patrons and copies), the patrons API and the course catalogue.
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from courses.factories import open_course
from demo.search_queries import SEARCH_QUERIES
from library.factories import CopyFactory, PatronFactory
from library.models import Material
from library.views.public import search_material_ids
from ui.search import fold, query_keys

HOSTILE_QUERIES = ["?!…«»—", "x" * 10_000, "брайль\x00", '"', "'", '"брайль', "\\", "*", "-"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The library demo, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_library", verbosity=0)
        yield {title: pk for pk, title in Material.objects.values_list("pk", "title")}
        transaction.set_rollback(True)


def titles(demo, ids):
    by_id = {pk: title for title, pk in demo.items()}
    return {by_id[pk] for pk in ids}


def test_twenty_searches_are_recorded_in_three_languages():
    assert len(SEARCH_QUERIES) == 20
    assert {case.language for case in SEARCH_QUERIES} == {"az", "ru", "en"}


@pytest.mark.parametrize("case", SEARCH_QUERIES, ids=[case.query for case in SEARCH_QUERIES])
def test_each_recorded_search_finds_its_materials_and_not_the_whole_catalogue(db, demo, case):
    assert set(case.expected) <= set(demo), "the demo no longer has these titles"
    found = titles(demo, search_material_ids(case.query))
    assert set(case.expected) <= found, case.tries
    assert len(found) <= len(demo) // 4


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("ISMAYILOV", "İsmayılov"),
        ("ismayılov", "ISMAYILOV"),
        ("İNKLÜZİV", "inklüziv"),
        ("ёжик", "Ежик"),
        ("ЁЖИК", "ежик"),
        ("Sinifde", "sinifdə"),
    ],
)
def test_case_folding_honours_azerbaijani_and_russian_on_both_sides(typed, stored):
    assert fold(typed) == fold(stored)


def test_a_query_of_punctuation_alone_has_no_words_and_finds_nothing(db, demo):
    assert query_keys("?!…«» — \"'") == []
    assert search_material_ids("?!…«» — \"'") == []


def test_the_catalogue_page_and_the_api_find_them_in_each_language(client, demo):
    for query, title in [
        ("брайль", "Азбука Брайля для начальной школы"),
        ("ISMAYILOVA", "Məktəbəqədər yaşda inkişaf ləngiməsi"),
        ("autism", "Thinking in Pictures"),
    ]:
        page = client.get("/library/", {"q": query})
        assert page.status_code == 200 and title in page.content.decode(), query
        body = client.get("/api/v1/library/materials/", {"q": query}).json()
        assert title in [material["title"] for material in body["results"]], query


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_answer_200_everywhere(client, staff_client, centre, catalogue, query):
    pages = [
        client.get("/library/", {"q": query}),
        staff_client.get(f"/library/desk/{centre.code}/search/", {"q": query}),
        client.get(catalogue.url, {"q": query}),
    ]
    assert [page.status_code for page in pages] == [200, 200, 200]
    api = client.get("/api/v1/library/materials/", {"q": query})
    if len(query) > 200 or "\x00" in query:
        # The API names what is wrong rather than cutting the query short or guessing.
        assert api.status_code == 400 and "q" in api.json()["errors"]
    else:
        assert api.status_code == 200


def test_hostile_queries_reach_the_search_without_an_error(db):
    for query in HOSTILE_QUERIES:
        assert isinstance(search_material_ids(query), list)


def test_the_desk_finds_patrons_and_copies_whatever_the_letters_typed(staff_client, centre):
    PatronFactory(name="Rəşad İsmayılov", home_centre=centre)
    material = Material.objects.create(title="Азбука Брайля для начальной школы")
    CopyFactory(material=material, home_centre=centre, barcode="BAK1-0042")
    url = f"/library/desk/{centre.code}/search/"
    for query in ("ismayilov", "ISMAYILOV", "reşad"):
        assert "Rəşad İsmayılov" in staff_client.get(url, {"q": query}).content.decode(), query
    assert "BAK1-0042" in staff_client.get(url, {"q": "брайль"}).content.decode()


def test_the_patrons_api_finds_a_name_whatever_the_letters_typed(staff, centre, client):
    PatronFactory(name="Rəşad İsmayılov", home_centre=centre)
    client.force_login(staff)
    body = client.get("/api/v1/library/patrons/", {"q": "ISMAYILOV"}).json()
    assert [patron["name"] for patron in body["results"]] == ["Rəşad İsmayılov"]


def test_the_course_catalogue_finds_inflected_russian_and_azerbaijani(client, catalogue):
    open_course(parent=catalogue, title="Инклюзивное образование", summary="Для учителей.")
    open_course(parent=catalogue, title="Valideynlərlə iş", summary="Məktəb və ailə.")

    def titles_found(query):
        return [
            course.title for course in client.get(catalogue.url, {"q": query}).context["courses"]
        ]

    queries = ("инклюзивного образования", "valideynlər", "MƏKTƏBLƏRDƏ", "xyzzy")
    assert {query: titles_found(query) for query in queries} == {
        "инклюзивного образования": ["Инклюзивное образование"],
        "valideynlər": ["Valideynlərlə iş"],
        "MƏKTƏBLƏRDƏ": ["Valideynlərlə iş"],
        "xyzzy": [],
    }
