"""Values that pass a field's shape but broke what came after it (a 500 before)."""

import pytest
from rest_framework.test import APIClient

from content_packages.archives import PackageError
from h5p.importing import import_package
from h5p.models import H5PActivity
from lms.conf import lms_settings
from lms.models import LessonProgress
from tests.h5p.packages import tiny

pytestmark = pytest.mark.django_db


def test_an_h5p_package_with_deeply_nested_content_is_refused_with_a_message():
    with pytest.raises(PackageError) as refused:
        import_package(tiny(**{"content/content.json": b"[" * 50_000 + b"]" * 50_000}))
    assert "content/content.json" in " ".join(refused.value.messages)
    assert not H5PActivity.objects.exists()


def test_a_statement_lasting_longer_than_a_date_can_hold_counts_the_most_a_report_may(
    learner, enrolled, lessons
):
    api = APIClient()
    api.force_authenticate(learner)
    statement = {
        "actor": {"account": {"homePage": "http://testserver", "name": learner.username}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": f"https://tt.example/lessons/{lessons[0].lesson_uuid}"},
        "result": {"duration": "P9999999999D"},
    }
    assert api.post("/api/v1/xapi/statements", statement, format="json").status_code == 200
    record = LessonProgress.objects.get(learner=learner, item_id=lessons[0].lesson_uuid)
    assert record.time_spent == lms_settings.MAX_TIME_DELTA_SECONDS


@pytest.mark.parametrize(
    "query", [{"verb": "\x00"}, {"activity": "a\x00"}, {"verb": "not an iri"}, {"activity": " "}]
)
def test_reading_statements_by_a_hostile_verb_or_activity_is_a_400(learner, query):
    api = APIClient()
    api.force_authenticate(learner)
    response = api.get("/api/v1/xapi/statements", query)
    assert response.status_code == 400
    assert set(query) <= set(response.json()["errors"])
