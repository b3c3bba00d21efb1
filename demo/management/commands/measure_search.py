"""How many of the twenty recorded searches (demo/search_queries.py) each approach answers.

Run after ``seed_library`` on the database to measure (SQLite or PostgreSQL)::

    python manage.py seed_library
    python manage.py measure_search

A search counts as answered when every material it must find is among its results;
"results" is the mean number of materials found, a check on approaches that answer
by finding too much. On PostgreSQL the text search configurations (Wagtail's
default, ``russian``, ``turkish``, ``simple``) are compared by indexing the catalogue
with each in turn, and trigram matching with Wagtail's ``Fuzzy`` query (pg_trgm);
all of it in a transaction rolled back at the end, so the search index is left as
it was. docs/library.md ("Search") keeps the figures.
"""

import re

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy

from demo.search_queries import SEARCH_QUERIES
from library.models import Material
from ui import search as language_search


def words(query):
    return " ".join(re.findall(r"\w+", query))


class Command(BaseCommand):
    help = "Count how many of the twenty recorded library searches each search approach answers."

    def handle(self, *args, **options):
        if not Material.objects.exists():
            self.stderr.write("No materials: run manage.py seed_library first.")
            return
        titles = dict(Material.objects.values_list("pk", "title"))
        approaches = [
            (
                "Wagtail search(), whole words",
                lambda backend, q: backend.search(words(q), Material, order_by_relevance=False),
            ),
            (
                "Wagtail autocomplete(), last word a prefix",
                lambda backend, q: backend.autocomplete(
                    words(q), Material, order_by_relevance=False
                ),
            ),
            (
                "ui.search: folded text, word stems as prefixes (chosen)",
                lambda backend, q: language_search.search(Material, q, order_by_relevance=False),
            ),
        ]
        rows = []
        with transaction.atomic():
            backend = get_search_backend()
            for name, run in approaches:
                rows.append(self.measure(name, lambda q, run=run: run(backend, q), titles))
            if connection.vendor == "postgresql":
                rows += self.postgresql_configurations(titles)
            transaction.set_rollback(True)
        self.stdout.write(f"database: {connection.vendor}, {len(titles)} materials\n")
        self.stdout.write("| approach | answered (of 20) | results (mean) | missed |")
        self.stdout.write("| --- | --- | --- | --- |")
        for name, answered, mean, missed in rows:
            self.stdout.write(f"| {name} | {answered} | {mean:.1f} | {', '.join(missed) or '-'} |")

    def measure(self, name, run, titles):
        answered, found_total, missed = 0, 0, []
        for case in SEARCH_QUERIES:
            try:
                with transaction.atomic():
                    found = {titles.get(material.pk) for material in run(case.query)}
            except Exception as error:  # noqa: BLE001 - an approach that fails answers nothing
                self.stderr.write(f"{name}: {case.query!r}: {error}")
                found = set()
            found_total += len(found)
            if set(case.expected) <= found:
                answered += 1
            else:
                missed.append(case.query)
        return name, answered, found_total / len(SEARCH_QUERIES), missed

    def postgresql_configurations(self, titles):
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

        rows = []
        materials = list(Material.objects.prefetch_related("subjects", "formats"))
        for config in (None, "russian", "turkish", "simple"):
            backend = PostgresSearchBackend({"SEARCH_CONFIG": config})
            backend.get_index_for_model(Material).add_items(Material, materials)
            label = config or "server default (english)"
            rows.append(
                self.measure(
                    f"PostgreSQL search(), config {label}",
                    lambda q, backend=backend: backend.search(
                        words(q), Material, order_by_relevance=False
                    ),
                    titles,
                )
            )
            if config == "simple":
                rows.append(
                    self.measure(
                        "PostgreSQL autocomplete() on simple, last word a prefix",
                        lambda q, backend=backend: backend.autocomplete(
                            words(q), Material, order_by_relevance=False
                        ),
                        titles,
                    )
                )
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        backend = PostgresSearchBackend({})
        for threshold in (0.3, 0.2):
            backend.fuzzy_similarity_threshold = threshold
            rows.append(
                self.measure(
                    f"PostgreSQL trigram (Wagtail Fuzzy, similarity >= {threshold})",
                    lambda q: backend.search(Fuzzy(words(q)), Material, order_by_relevance=False),
                    titles,
                )
            )
        return rows
