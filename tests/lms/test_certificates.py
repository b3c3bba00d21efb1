"""Certificates: the PDF, its QR code, public verification, revocation and who may download."""

import io

import pytest
import zxingcpp
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from accounts.factories import UserFactory
from lms import services
from lms.models import Verb

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(learner, enrolled, lessons):
    learner.first_name, learner.last_name = "Aysel", "Məmmədova"
    learner.save()
    for lesson in lessons:
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    enrolled.refresh_from_db()
    return enrolled.certificate


def pdf_reader(response):
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def test_the_pdf_names_the_learner_course_and_code(learner_client, certificate):
    response = learner_client.get(certificate.get_pdf_url())
    text = pdf_reader(response).pages[0].extract_text()
    assert "Aysel Məmmədova" in text
    assert certificate.course_title in text
    assert certificate.code in text


def test_the_qr_code_opens_the_verification_page(learner_client, certificate):
    page = pdf_reader(learner_client.get(certificate.get_pdf_url())).pages[0]
    [image] = page.images
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)))
    assert [result.text for result in decoded] == [
        f"http://testserver{reverse('lms:verify_certificate', args=[certificate.code])}"
    ]


def test_anyone_can_verify_a_certificate_and_sees_nothing_more(client, certificate, learner):
    response = client.get(certificate.get_verify_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid." in page and "Aysel Məmmədova" in page
    assert learner.email not in page and learner.username not in page


def test_an_unknown_code_is_not_found(client):
    response = client.get(reverse("lms:verify_certificate", args=["ZZZZ-ZZZZ-ZZZZ"]))
    assert response.status_code == 404


def test_a_revoked_certificate_shows_as_revoked_and_no_longer_downloads(
    client, learner_client, certificate, other_learner
):
    services.revoke_certificate(certificate, revoked_by=other_learner, reason="Issued in error")
    page = client.get(certificate.get_verify_url()).content.decode()
    assert "This certificate has been revoked." in page
    assert learner_client.get(certificate.get_pdf_url()).status_code == 410


def test_revoking_needs_a_reason_and_happens_once(certificate, other_learner):
    with pytest.raises(ValidationError):
        services.revoke_certificate(certificate, revoked_by=other_learner, reason="")
    services.revoke_certificate(certificate, revoked_by=other_learner, reason="Error")
    with pytest.raises(ValidationError):
        services.revoke_certificate(certificate, revoked_by=other_learner, reason="Again")


def test_only_the_learner_and_administrators_download_it(client, certificate, other_learner):
    assert reverse("login") in client.get(certificate.get_pdf_url()).url
    client.force_login(other_learner)
    assert client.get(certificate.get_pdf_url()).status_code == 404
    client.force_login(UserFactory(username="boss", is_superuser=True, is_staff=True))
    assert client.get(certificate.get_pdf_url()).status_code == 200


def test_the_transcript_lists_completions_and_cpd_hours(learner_client, certificate, course):
    response = learner_client.get(reverse("lms:transcript"))
    rows = response.context["rows"]
    assert [row["course"] for row in rows] == [course.title]
    assert response.context["total_hours"] == course.cpd_hours
    pdf = learner_client.get(reverse("lms:transcript_pdf"))
    text = pdf_reader(pdf).pages[0].extract_text()
    assert course.title in text and certificate.code in text


def test_the_transcript_is_the_learners_own(client, certificate, other_learner):
    client.force_login(other_learner)
    assert client.get(reverse("lms:transcript")).context["rows"] == []


def test_the_dashboard_links_the_certificate(learner_client, certificate):
    page = learner_client.get(reverse("lms:dashboard")).content.decode()
    assert certificate.get_pdf_url() in page


def test_a_trainer_of_the_learners_cohort_may_download_it_and_another_may_not(
    client, certificate, learner
):
    from lms.models import Cohort

    cohort = Cohort.objects.create(name="Guba", programme="inclusive-education")
    cohort.memberships.create(learner=learner)
    theirs, other = UserFactory(username="their-trainer"), UserFactory(username="other-trainer")
    cohort.trainers.add(theirs)
    client.force_login(theirs)
    assert client.get(certificate.get_pdf_url()).status_code == 200
    client.force_login(other)
    assert client.get(certificate.get_pdf_url()).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_for_the_transcript(client):
    for name in ("lms:transcript", "lms:transcript_pdf"):
        assert reverse("login") in client.get(reverse(name)).url


@pytest.fixture
def azerbaijani_course(course):
    """The course translated into Azerbaijani, every page published in its own locale."""
    from wagtail.models import Locale

    azerbaijani = Locale.objects.get_or_create(language_code="az")[0]
    titles = {"Inclusive classrooms": "İnklüziv siniflər"}
    translated = None
    for page in [course, *course.get_descendants().order_by("path")]:
        copy = page.specific.copy_for_translation(azerbaijani, copy_parents=True)
        copy.title = titles.get(page.title, copy.title)
        copy.save_revision().publish()
        translated = translated or copy
    return translated.specific


def test_the_certificate_reads_in_the_language_the_course_was_studied_in_with_english_for_abroad(
    client, learner, azerbaijani_course
):
    learner.first_name, learner.last_name = "Aysel", "Məmmədova"
    learner.save()
    services.enrol(learner, azerbaijani_course)
    for lesson in azerbaijani_course.get_lessons():
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    certificate = learner.certificates.get()
    assert (certificate.language, certificate.course_title) == ("az", "İnklüziv siniflər")
    assert certificate.course_title_en == "Inclusive classrooms"

    client.force_login(learner)
    text = " ".join(
        pdf_reader(client.get(certificate.get_pdf_url())).pages[0].extract_text().split()
    )
    assert "Kursu tamamlama sertifikatı" in text  # "Certificate of completion"
    assert "İnklüziv siniflər" in text
    assert "In English: Aysel Məmmədova has completed the course “Inclusive classrooms”" in text
    assert "Certificate of completion" not in text


def test_an_english_certificate_has_no_second_english_line(learner_client, certificate):
    assert certificate.language == "en"
    text = pdf_reader(learner_client.get(certificate.get_pdf_url())).pages[0].extract_text()
    assert "Certificate of completion" in text
    assert "In English:" not in text


def test_the_issuer_may_be_named_per_language(settings, learner, azerbaijani_course):
    settings.LMS = {
        "CERTIFICATE_ISSUER": {"az": "Təhsil İnstitutu", "en": "Institute of Education"}
    }
    services.enrol(learner, azerbaijani_course)
    for lesson in azerbaijani_course.get_lessons():
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    certificate = learner.certificates.get()
    assert (certificate.issuer, certificate.issuer_en) == (
        "Təhsil İnstitutu",
        "Institute of Education",
    )
