"""Every date a learner sees is the same local (Asia/Baku) day, in the page's language.

A certificate issued at 22:30 UTC is already the next day in Baku: the PDF, the
verification page, the dashboard and the transcript (page and PDF) all say so.
"""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from lms import services
from lms.models import Verb
from ui.dates import local_date

pytestmark = pytest.mark.django_db

LATE_EVENING_UTC = datetime.datetime(2026, 3, 14, 22, 30, tzinfo=datetime.UTC)

# The Baku day (15 March), in each language's own date format and month names.
EXPECTED = {
    "en": ("March 15, 2026", "March 14"),
    "az": ("15 Mart 2026", "14 Mart"),
    "ru": ("15 марта 2026", "14 марта"),
}


@pytest.fixture
def certificate(learner, enrolled, lessons):
    for lesson in lessons:
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    enrolled.refresh_from_db()
    type(enrolled).objects.filter(pk=enrolled.pk).update(completed_at=LATE_EVENING_UTC)
    certificate = enrolled.certificate
    type(certificate).objects.filter(pk=certificate.pk).update(completed_at=LATE_EVENING_UTC)
    certificate.refresh_from_db()
    return certificate


def pdf_text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def test_the_formatter_gives_the_day_in_baku():
    assert local_date(LATE_EVENING_UTC) == "March 15, 2026"


def test_the_formatter_leaves_missing_dates_empty():
    assert local_date(None) == ""


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_a_late_evening_certificate_shows_the_same_local_day_everywhere(
    client, learner_client, certificate, language
):
    baku_day, utc_day = EXPECTED[language]
    # The PDF reads in the language the course was studied in (lms.pdf).
    type(certificate).objects.filter(pk=certificate.pk).update(language=language)
    learner_client.cookies["django_language"] = language
    client.cookies["django_language"] = language
    seen = {
        "certificate PDF": pdf_text(learner_client.get(certificate.get_pdf_url())),
        "verify page": client.get(certificate.get_verify_url()).content.decode(),
        "dashboard": learner_client.get(reverse("lms:dashboard")).content.decode(),
        "transcript": learner_client.get(reverse("lms:transcript")).content.decode(),
        "transcript PDF": pdf_text(learner_client.get(reverse("lms:transcript_pdf"))),
    }
    for where, text in seen.items():
        assert baku_day in text, where
        assert utc_day not in text, where
