"""Bulk import of learners into a cohort: preview, all-or-nothing, no duplicates, invitations."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from accounts.factories import UserFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import imports
from lms.models import Cohort, District, Enrolment, Institution, LearnerProfile

pytestmark = pytest.mark.django_db

GOOD = (
    "email,first_name,last_name,district,institution,role\n"
    "leyla@example.org,Leyla,Aliyeva,Guba,ASPU Guba branch,student teacher\n"
    "RASHAD@example.org,Rashad,Mammadov,guba,,teacher\n"
)


def csv_file(text, name="learners.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def cohort(course):
    guba = District.objects.get(slug="guba")
    Institution.objects.create(name="ASPU Guba branch", kind="branch", district=guba)
    cohort = Cohort.objects.create(name="ASPU Guba 2026", programme="inclusive-education")
    cohort.courses.add(course)
    return cohort


@pytest.fixture
def trainer_client(client, catalogue, cohort):
    ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    cohort.trainers.add(trainer)
    client.force_login(trainer)
    return client


def import_url(cohort):
    return reverse("lms_admin:import", args=[cohort.pk])


def test_valid_rows_are_previewed_then_imported_with_invitations(
    trainer_client, cohort, course, django_capture_on_commit_callbacks
):
    preview = trainer_client.post(import_url(cohort), {"file": csv_file(GOOD)})
    assert preview.context["row_count"] == 2 and preview.context["error_count"] == 0
    assert not get_user_model().objects.filter(email="leyla@example.org").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = trainer_client.post(import_url(cohort), {"action": "confirm"})
    assert response.url == reverse("lms_reports:cohort_grid", args=[cohort.pk])
    leyla = get_user_model().objects.get(email="leyla@example.org")
    assert leyla.learner_profile.role == "student_teacher"
    assert leyla.learner_profile.institution.name == "ASPU Guba branch"
    assert Enrolment.objects.filter(course=course).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["leyla@example.org", "rashad@example.org"]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_rows_with_errors_are_listed_and_nothing_is_imported(trainer_client, cohort):
    bad = GOOD + "not-an-email,Ali,,Atlantis,,wizard\nleyla@example.org,Leyla,A,Guba,,\n"
    preview = trainer_client.post(import_url(cohort), {"file": csv_file(bad)})
    errors = {row.line: row.errors for row in preview.context["errors"]}
    assert set(errors) == {4, 5}
    assert len(errors[4]) == 4  # email, names, district, role
    assert "line 2" in errors[5][0]
    trainer_client.post(import_url(cohort), {"action": "confirm"})
    assert not LearnerProfile.objects.exists()


def test_importing_the_same_file_twice_creates_no_duplicates(trainer_client, cohort):
    for _ in range(2):
        trainer_client.post(import_url(cohort), {"file": csv_file(GOOD)})
        trainer_client.post(import_url(cohort), {"action": "confirm"})
    imported = ["leyla@example.org", "rashad@example.org"]
    assert get_user_model().objects.filter(email__in=imported).count() == 2
    assert cohort.memberships.count() == 2


def test_an_existing_account_is_reused_not_duplicated(trainer_client, cohort):
    UserFactory(username="rashad", email="Rashad@Example.org")
    trainer_client.post(import_url(cohort), {"file": csv_file(GOOD)})
    trainer_client.post(import_url(cohort), {"action": "confirm"})
    assert get_user_model().objects.filter(email__iexact="rashad@example.org").count() == 1


def test_xlsx_files_are_read_too(cohort):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Email", "First name", "Last name", "District"])
    sheet.append(["nigar@example.org", "Nigar", "Kərimova", "Shaki"])
    sheet.append(["leyla@example.org", "Leyla", "Əliyeva", "Шеки"])
    sheet.append(["aysel@example.org", "Aysel", "Həsənova", "ŞƏKİ"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("learners.xlsx", buffer.getvalue())
    rows = imports.validate(imports.read_file(upload))
    # The district in any language, or its slug, or in capitals: all are Şəki.
    assert [(row.errors, row.district.slug) for row in rows] == [([], "shaki")] * 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("learners.txt", "x", "Upload a .csv or .xlsx file."),
        ("learners.csv", "", "file is empty"),
        ("learners.csv", "email,first_name\n", "The file has no column"),
        ("learners.csv", "email,first_name,last_name,district\n", "no learners"),
        ("learners.xlsx", "not a zip", "not a readable XLSX"),
    ],
)
def test_unreadable_files_get_a_clear_message(trainer_client, cohort, name, content, message):
    response = trainer_client.post(import_url(cohort), {"file": csv_file(content, name)})
    assert message in " ".join(response.context["form"].errors["file"])


def test_a_trainer_cannot_import_into_another_trainers_cohort(client, catalogue, cohort):
    ensure_authoring_roles(catalogue)
    other = UserFactory(username="other-trainer")
    other.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(other)
    response = client.post(import_url(cohort), {"file": csv_file(GOOD)})
    assert response.status_code == 404


def test_learners_cannot_import(client, learner, cohort):
    client.force_login(learner)
    response = client.post(import_url(cohort), {"file": csv_file(GOOD)})
    assert response.status_code == 302
    assert not LearnerProfile.objects.exists()
