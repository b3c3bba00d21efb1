"""The catalogue search can use an index on PostgreSQL.

Whether the planner takes it depends on the table's size (on a test's few rows
a sequential read is cheaper); the full-scale plan is in docs/benchmarks.md.
"""

import pytest
from django.db import connection

from library.factories import MaterialFactory
from library.views.public import search_material_ids

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index of PostgreSQL's search")
def test_the_search_index_has_a_gin_index_on_title_and_body():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_index_title_body_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


def test_search_finds_the_same_materials_with_the_index(db):
    wanted = MaterialFactory(title="Braille atlas of Azerbaijan")
    MaterialFactory(title="Sign language dictionary")
    assert search_material_ids("braille") == [wanted.pk]
