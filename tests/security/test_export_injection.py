"""Formula injection: text a learner or respondent chose reaches a download as text.

A name such as ``=HYPERLINK(...)`` (from a CSV import or sign-up) used to go
out live in the CSV and XLSX downloads, for a spreadsheet program to run.
Every text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return now starts with ``'`` (OWASP's rule); numbers and dates stay
typed, and the screen shows the name as it is.
"""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from lms import cohorts
from lms.models import Cohort
from operations import exports
from surveys.models import SurveyFormField, SurveySubmission
from tests.helpers import exported_file

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://evil","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=cmd|' /C calc'!A0",
]
PLAIN = "Aysel Mammadova"


def read(content, export_format):
    """The download's rows: text as it is in the file (CSV), cells as openpyxl reads them (XLSX)."""
    if export_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    return [list(row) for row in load_workbook(io.BytesIO(content)).active.iter_rows()]


def value(cell):
    return cell if isinstance(cell, str) else cell.value


@pytest.fixture
def hostile_learners(cohort):  # noqa: F811
    """Learners whose names would be formulas; shown by their username (no first or last name)."""
    learners = [
        UserFactory(username=name, first_name="", last_name="", email=f"hostile{i}@example.org")
        for i, name in enumerate(HOSTILE)
    ]
    plain = UserFactory(username=PLAIN, first_name="", last_name="", email="plain@example.org")
    cohorts.add_members(cohort, [*learners, plain])
    return learners


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_cohort_grid_download_holds_hostile_names_as_text(
    client,
    trainer,  # noqa: F811
    cohort,  # noqa: F811
    hostile_learners,
    export_format,
):
    client.force_login(trainer)
    url = reverse("lms_reports:cohort_grid", args=[cohort.pk])
    screen = client.get(url).content.decode()
    assert "=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)" in screen  # the screen is as it was
    assert "&#x27;=HYPERLINK" not in screen

    rows = read(exported_file(client, url, {"export": export_format}), export_format)
    names = {value(row[1]): row[0] for row in rows[1:]}  # by email
    for i, name in enumerate(HOSTILE):
        cell = names[f"hostile{i}@example.org"]
        if export_format == "csv":
            assert value(cell) == "'" + name
        else:
            assert cell.data_type == "s"  # text, not a formula
            # XML reads a carriage return back as a line feed.
            assert value(cell) == "'" + name.replace("\r", "\n")
    assert value(names["plain@example.org"]) == PLAIN


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_completion_download_neutralises_names_and_keeps_numbers_typed(
    client,
    trainer,  # noqa: F811
    cohort,  # noqa: F811
    export_format,
):
    Cohort.objects.filter(pk=cohort.pk).update(name="=cmd|' /C calc'!A0")
    client.force_login(trainer)
    url = reverse("lms_reports:by_cohort")
    rows = read(exported_file(client, url, {"export": export_format}), export_format)
    line = next(row for row in rows[1:] if "calc" in str(value(row[0])))
    assert value(line[0]) == "'=cmd|' /C calc'!A0"
    if export_format == "xlsx":
        assert line[0].data_type == "s"
        numbers = line[1:]
        assert all(cell.data_type == "n" for cell in numbers)
        assert [cell.value for cell in numbers][:3] == [2, 2, 1]  # learners, enrolled, completed
    else:
        assert line[1:4] == ["2", "2", "1"]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_writer_changes_formula_text_only(export_format):
    row = [PLAIN, "-2+3", -3, 2.5, Decimal("-1.25"), date(2024, 5, 1), "3/4", ""]
    table = exports.Table(headings=["=Name", "Total"], rows=[row], filename="x")
    out = io.BytesIO()
    assert exports.write_table(table, export_format, out) == 1
    headings, line = read(out.getvalue(), export_format)
    assert [value(cell) for cell in headings if value(cell) is not None] == ["'=Name", "Total"]
    if export_format == "csv":
        assert line == [PLAIN, "'-2+3", "-3", "2.5", "-1.25", "2024-05-01", "3/4", ""]
    else:
        assert [cell.value for cell in line[:5]] == [PLAIN, "'-2+3", -3, 2.5, -1.25]
        assert [cell.data_type for cell in line[:6]] == ["s", "s", "n", "n", "n", "d"]
        assert line[5].value.date() == date(2024, 5, 1)


def test_neutralise_leaves_numbers_and_plain_text_alone():
    assert exports.neutralise(-3) == -3
    assert exports.neutralise(Decimal("-0.5")) == Decimal("-0.5")
    assert exports.neutralise(PLAIN) == PLAIN
    assert exports.neutralise("a=b") == "a=b"
    for name in HOSTILE:
        assert exports.neutralise(name) == "'" + name


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtails_own_download_of_survey_answers_is_neutralised(
    admin_client,
    survey,  # noqa: F811
    export_format,
):
    SurveyFormField.objects.create(
        page=survey, label="Your name", field_type="singleline", required=False, sort_order=2
    )
    group = survey.respondent_groups.get(name="Parents")
    SurveySubmission.objects.create(
        page=survey,
        group=group,
        form_data={"respondent_group": "Parents", "your_name": HOSTILE[0]},
    )
    url = reverse("wagtailforms:list_submissions", args=[survey.pk])
    response = admin_client.get(url, {"export": export_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = read(content, export_format)
    cells = [cell for row in rows[1:] for cell in row]
    hostile = [cell for cell in cells if "HYPERLINK" in str(value(cell))]
    assert [value(cell) for cell in hostile] == ["'" + HOSTILE[0]]
    if export_format == "xlsx":
        assert hostile[0].data_type == "s"
