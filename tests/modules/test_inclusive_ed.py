"""The inclusive-education blocks keep each learner's own work, and only theirs."""

import io

import pytest
from pypdf import PdfReader

from lms import services
from modules.inclusive_ed.models import LearnerWork

from .conftest import work_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_enrolled(other_learner, course):
    services.enrol(other_learner, course)
    return other_learner


def pdf_text(response):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_a_learner_fills_in_the_iep_and_sees_it_on_the_lesson(
    learner_client, enrolled, pack_lesson
):
    response = learner_client.post(
        work_url(pack_lesson, "iep1"),
        {"section-0": "R.M., 9, Grade 3; likes drawing", "section-2": "Reads 20 words by May"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#block-iep1")
    work = LearnerWork.objects.get(learner=enrolled.learner, block_id="iep1")
    assert work.kind == "iep"
    assert work.data["sections"]["2"] == "Reads 20 words by May"
    page = learner_client.get(pack_lesson.url).content.decode()
    assert "Reads 20 words by May" in page
    assert "Download as PDF" in page


def test_the_downloaded_iep_holds_the_learners_answers_in_azerbaijani(
    learner_client, enrolled, pack_lesson
):
    learner_client.post(work_url(pack_lesson, "iep1"), {"section-1": "Şagird əlifbanı öyrənir"})
    response = learner_client.get(work_url(pack_lesson, "iep1", "iep.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"]
    text = pdf_text(response)
    assert "Şagird əlifbanı öyrənir" in text
    assert "Needs and barriers to learning" in text


def test_a_learner_never_sees_another_learners_iep(
    client, learner, enrolled, other_enrolled, pack_lesson
):
    client.force_login(learner)
    client.post(work_url(pack_lesson, "iep1"), {"section-0": "Aysel's private notes"})
    client.force_login(other_enrolled)
    assert "Aysel's private notes" not in client.get(pack_lesson.url).content.decode()
    # nothing saved yet for Murad: no PDF, and never Aysel's
    response = client.get(work_url(pack_lesson, "iep1", "iep.pdf"))
    assert response.status_code == 302
    client.post(work_url(pack_lesson, "iep1"), {"section-0": "Murad's own"})
    text = pdf_text(client.get(work_url(pack_lesson, "iep1", "iep.pdf")))
    assert "Murad's own" in text and "Aysel" not in text
    assert LearnerWork.objects.get(learner=learner).data["sections"]["0"] == "Aysel's private notes"


def test_anonymous_visitors_cannot_post_or_download(client, pack_lesson):
    response = client.post(work_url(pack_lesson, "iep1"), {"section-0": "spam"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.get(work_url(pack_lesson, "iep1", "iep.pdf"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not LearnerWork.objects.exists()


def test_a_learner_not_on_the_course_cannot_save_work(client, other_learner, pack_lesson):
    client.force_login(other_learner)
    response = client.post(work_url(pack_lesson, "iep1"), {"section-0": "x"})
    assert response.status_code == 404
    assert not LearnerWork.objects.exists()


def test_saving_needs_csrf(learner, enrolled, pack_lesson):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(work_url(pack_lesson, "iep1"), {"section-0": "x"}).status_code == 403
    assert not LearnerWork.objects.exists()


@pytest.mark.parametrize(
    ("block_id", "data", "status"),
    [
        ("iep1", {"section-0": "x" * 4001}, 400),
        ("iep1", {"section-0": "   "}, 400),
        ("check1", {"item": ["7"]}, 400),
        ("check1", {"item": ["one"]}, 400),
        ("case1", {"text": ""}, 400),
        ("intro", {"text": "not a pack block"}, 404),
        ("missing", {"text": "no such block"}, 404),
    ],
    ids=[
        "too-long",
        "empty-plan",
        "unknown-item",
        "not-a-number",
        "empty-reflection",
        "core-block",
        "no-block",
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    learner_client, enrolled, pack_lesson, block_id, data, status
):
    response = learner_client.post(work_url(pack_lesson, block_id), data)
    assert response.status_code == status
    assert not LearnerWork.objects.exists()
    if status == 400:
        assert "Nothing was saved" in response.content.decode()


def test_a_too_long_answer_comes_back_with_what_was_typed(learner_client, enrolled, pack_lesson):
    response = learner_client.post(
        work_url(pack_lesson, "iep1"), {"section-0": "kept text", "section-1": "y" * 4001}
    )
    content = response.content.decode()
    assert "kept text" in content
    assert 'aria-invalid="true"' in content


def test_the_checklist_and_reflection_are_kept(learner_client, enrolled, pack_lesson):
    learner_client.post(work_url(pack_lesson, "check1"), {"item": ["1"]})
    learner_client.post(work_url(pack_lesson, "case1"), {"text": "Visit the family at home."})
    assert LearnerWork.objects.get(block_id="check1").data == {"checked": [1]}
    page = learner_client.get(pack_lesson.url).content.decode()
    assert "Visit the family at home." in page
    assert "(1 of 2)" in page


def test_the_lesson_reads_the_learners_work_in_one_query(
    learner_client, enrolled, pack_lesson, django_assert_max_num_queries
):
    learner_client.get(pack_lesson.url)
    with django_assert_max_num_queries(40) as captured:
        learner_client.get(pack_lesson.url)
    work_queries = [q for q in captured.captured_queries if "inclusive_ed_learnerwork" in q["sql"]]
    assert len(work_queries) == 1
