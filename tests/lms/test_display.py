"""What managers, trainers and learners read: names not slugs, durations in words, local dates."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from accounts.factories import UserFactory
from courses.factories import ProgrammeFactory
from courses.roles import REVIEWERS, ensure_authoring_roles
from lms.models import Cohort, Target
from operations.models import ReportExport
from tests.helpers import exported_file
from ui.dates import duration_text, local_date

pytestmark = pytest.mark.django_db

US_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")


@pytest.fixture
def inclusive_education(db):
    return ProgrammeFactory(slug="inclusive-education", name="Inclusive education")


def test_the_targets_dashboard_and_its_download_show_programme_names(
    client, manager, cohort, inclusive_education
):
    Target.objects.create(programme="inclusive-education", target=10)
    client.force_login(manager)
    url = reverse("lms_reports:targets")
    page = client.get(url).content.decode()
    assert '<th scope="row">Inclusive education</th>' in page
    assert ">inclusive-education<" not in page
    exported = exported_file(client, url, {"export": "csv"}).decode("utf-8-sig")
    assert "Inclusive education," in exported and "inclusive-education" not in exported


def test_a_target_of_an_unknown_programme_shows_its_slug(client, manager, cohort):
    Target.objects.create(programme="no-such-programme", target=10)
    client.force_login(manager)
    page = client.get(reverse("lms_reports:targets")).content.decode()
    assert '<th scope="row">no-such-programme</th>' in page


def test_the_cohort_listing_shows_programme_names(client, trainer, cohort, inclusive_education):
    client.force_login(trainer)
    page = client.get(reverse("cohort:index")).content.decode()
    assert "Inclusive education" in page
    assert ">inclusive-education<" not in page


def test_the_cohort_listing_reads_the_programme_names_once(
    client, manager, cohort, inclusive_education
):
    for n in range(3):
        Cohort.objects.create(name=f"Guba {n}", programme="inclusive-education")
    client.force_login(manager)
    client.get(reverse("cohort:index"))
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("cohort:index")).content.decode()
    assert page.count("Inclusive education") >= 4
    assert len([q for q in captured if "courses_programme" in q["sql"]]) == 1


@pytest.mark.parametrize(
    "minutes, text",
    [
        (45, "45 minutes"),
        (1, "1 minute"),
        (60, "1 hour"),
        (90, "1 hour 30 minutes"),
        (121, "2 hours 1 minute"),
        (0, "0 minutes"),
    ],
)
def test_durations_read_in_hours_and_minutes(minutes, text):
    assert duration_text(minutes) == text


def test_the_course_page_gives_the_estimated_time_in_minutes(client, course):
    course.duration_minutes = 45
    course.save_revision().publish()
    page = client.get(course.url).content.decode()
    assert "45 minutes" in page
    assert "0.8 hours" not in page


def test_my_exports_use_the_locales_dates(client, trainer, cohort):
    client.force_login(trainer)
    exported_file(client, reverse("lms_reports:by_cohort"), {"export": "csv"})
    export = ReportExport.objects.get()
    page = client.get(reverse("report_exports")).content.decode()
    assert local_date(export.created_at, "DATETIME_FORMAT") in page
    assert not US_DATE.search(page)
    client.cookies["django_language"] = "ru"
    page = client.get(reverse("report_exports")).content.decode()
    assert not US_DATE.search(page)


def test_the_completion_by_cohort_downloads_are_header_buttons(client, trainer, cohort):
    client.force_login(trainer)
    page = client.get(reverse("lms_reports:by_cohort")).content.decode()
    for export_format in ("csv", "xlsx"):
        link = re.search(rf'<a [^>]*href="[^"]*export={export_format}"[^>]*>', page).group(0)
        assert "w-header-button" in link  # in the header itself, not its "…" menu


def test_the_reviewers_dashboard_greets_with_the_sites_name(client, catalogue):
    ensure_authoring_roles(catalogue)
    reviewer = UserFactory(username="reviewer")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    client.force_login(reviewer)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert Site.objects.get(is_default_site=True).site_name == "Teacher Learning Platform"
    assert "Teacher Learning Platform" in page
    assert "localhost" not in page
