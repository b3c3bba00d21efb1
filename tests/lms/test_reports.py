"""Programme reports: aggregates, exports equal to the screen, scoped to who is asking."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from accounts.factories import UserFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import services
from lms.models import (
    CohortMembership,
    District,
    Enrolment,
    Target,
)
from tests.helpers import exported_file

pytestmark = pytest.mark.django_db


def screen_rows(response):
    return [
        {key: str(value) for key, value in row.items() if key != "cohort_id"}
        for row in response.context["object_list"]
    ]


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.parametrize("report", ["by_course", "by_cohort", "by_district", "by_institution"])
def test_each_completion_report_exports_what_it_shows(client, trainer, cohort, report):
    client.force_login(trainer)
    url = reverse(f"lms_reports:{report}")
    screen = client.get(url)
    assert screen.status_code == 200
    rows = screen.context["object_list"]
    assert rows
    exported = csv_rows(exported_file(client, url, {"export": "csv"}))
    columns = [column.name for column in screen.context["view"].columns]
    assert exported[1:] == [[str(row[column]) for column in columns] for row in rows]
    workbook = load_workbook(io.BytesIO(exported_file(client, url, {"export": "xlsx"})))
    xlsx = [[str(cell) for cell in line] for line in workbook.active.iter_rows(values_only=True)]
    assert xlsx[1:] == exported[1:]


def test_completion_by_course_counts_enrolled_and_completed(client, trainer, course, cohort):
    client.force_login(trainer)
    [row] = client.get(reverse("lms_reports:by_course")).context["object_list"]
    assert (row["name"], row["enrolled"], row["completed"], row["completion_rate"]) == (
        course.title,
        2,
        1,
        50,
    )


def test_completion_by_district_groups_by_the_learners_district(client, trainer, cohort):
    client.force_login(trainer)
    rows = {
        r["name"]: r for r in client.get(reverse("lms_reports:by_district")).context["object_list"]
    }
    assert rows["Şəki"]["completed"] == 1 and rows["Not given"]["completed"] == 0


def test_a_trainer_sees_only_their_cohorts_learners(client, trainer, course, catalogue):
    outsider = UserFactory(username="outsider")
    services.enrol(outsider, course)
    client.force_login(trainer)
    [row] = client.get(reverse("lms_reports:by_course")).context["object_list"]
    assert row["enrolled"] == 2
    other_trainer = UserFactory(username="other-trainer")
    other_trainer.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(other_trainer)
    assert list(client.get(reverse("lms_reports:by_course")).context["object_list"]) == []


def test_a_programme_manager_sees_everyone(client, manager, course, cohort):
    services.enrol(UserFactory(username="outsider"), course)
    client.force_login(manager)
    [row] = client.get(reverse("lms_reports:by_course")).context["object_list"]
    assert row["enrolled"] == 3


def test_learners_cannot_open_reports(client, learner, cohort):
    client.force_login(learner)
    for name in ("by_course", "targets"):
        assert client.get(reverse(f"lms_reports:{name}")).status_code == 302


def test_the_cohort_grid_shows_each_learner_by_module_and_exports_the_same(
    client, trainer, cohort, learner
):
    client.force_login(trainer)
    url = reverse("lms_reports:cohort_grid", args=[cohort.pk])
    response = client.get(url)
    rows = {row["learner"].pk: row for row in response.context["rows"]}
    assert [cell["complete"] for cell in rows[learner.pk]["cells"]] == [True, True]
    exported = csv_rows(exported_file(client, url, {"export": "csv"}))
    assert len(exported) == 3 and exported[0][0] == "Learner"
    assert "2/2" in exported[1] + exported[2]


def test_another_trainer_cannot_open_the_grid_or_a_learners_record(
    client, catalogue, cohort, learner
):
    ensure_authoring_roles(catalogue)
    other = UserFactory(username="other-trainer")
    other.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(other)
    assert client.get(reverse("lms_reports:cohort_grid", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("lms_reports:learner", args=[learner.pk])).status_code == 404


def test_a_trainer_reads_a_learners_record(client, trainer, learner, course):
    client.force_login(trainer)
    response = client.get(reverse("lms_reports:learner", args=[learner.pk]))
    assert course.title in response.content.decode()


def test_the_targets_dashboard_counts_trained_learners(client, manager, cohort, course):
    Target.objects.create(programme=course.programme.slug, target=4)
    Target.objects.create(
        programme=course.programme.slug, district=District.objects.get(slug="shaki"), target=1
    )
    client.force_login(manager)
    response = client.get(reverse("lms_reports:targets"))
    rows = {row["scope"]: row for row in response.context["rows"]}
    assert (rows["Overall"]["trained"], rows["Overall"]["percent"]) == (1, 25.0)
    assert rows["Şəki"]["percent"] == 100
    html = response.content.decode()
    # One bar per target, named by its scope (HTML, so a long name wraps, not clipped).
    assert html.count('<progress class="targets-chart__bar" max="100" value="') == 2
    assert 'value="25.0"' in html and ">Şəki</span>" in html
    exported = csv_rows(exported_file(client, reverse("lms_reports:targets"), {"export": "csv"}))
    assert exported[1:] == [
        [r["programme"], str(r["scope"]), str(r["target"]), str(r["trained"]), str(r["percent"])]
        for r in response.context["rows"]
    ]


def test_a_completion_whose_certificate_was_revoked_trains_nobody(client, manager, cohort, course):
    from lms import services
    from lms.models import Certificate, Enrolment

    Target.objects.create(programme=course.programme.slug, target=4)
    client.force_login(manager)

    def trained():
        return client.get(reverse("lms_reports:targets")).context["rows"][0]["trained"]

    assert trained() == 1
    enrolment = Enrolment.objects.get(completed_at__isnull=False)
    certificate = Certificate.objects.filter(
        enrolment=enrolment
    ).first() or services.issue_certificate(enrolment)
    services.revoke_certificate(certificate, revoked_by=manager, reason="Issued in error.")
    assert trained() == 0


def test_a_target_for_an_audience_is_named_as_people_read_it(client, manager, course):
    """Not "Audience: in-service": the audience's name, in the reader's language."""
    Target.objects.create(programme=course.programme.slug, audience="in_service", target=2)
    client.force_login(manager)
    rows = client.get(reverse("lms_reports:targets")).context["rows"]
    assert [str(row["scope"]) for row in rows] == ["Audience: In-service teachers"]
    with translation.override("az"):
        expected = gettext("Audience: %(audience)s") % {"audience": gettext("In-service teachers")}
    response = client.get(reverse("lms_reports:targets"), HTTP_ACCEPT_LANGUAGE="az")
    assert [str(row["scope"]) for row in response.context["rows"]] == [expected]
    assert "in_service" not in expected and "in-service" not in response.content.decode()
    # The admin's list of targets names it too.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(reverse("target:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "In-service teachers" in listing and "in_service" not in listing


def test_trainers_cannot_see_the_targets_dashboard(client, trainer):
    client.force_login(trainer)
    response = client.get(reverse("lms_reports:targets"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("report", ["by_course", "by_cohort", "by_district"])
def test_report_queries_do_not_grow_with_learners(client, manager, cohort, course, report):
    client.force_login(manager)
    url = reverse(f"lms_reports:{report}")

    def queries():
        client.get(url)  # the first request fills the content-type and permission caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    User = get_user_model()

    def add_learners(first, last):
        users = User.objects.bulk_create(
            User(username=f"bulk{i}", email=f"b{i}@x.org") for i in range(first, last)
        )
        CohortMembership.objects.bulk_create(
            CohortMembership(cohort=cohort, learner=u) for u in users
        )
        Enrolment.objects.bulk_create(Enrolment(learner=u, course=course) for u in users)

    add_learners(0, 100)
    with_100 = queries()
    add_learners(100, 10_000)
    assert queries() == with_100
