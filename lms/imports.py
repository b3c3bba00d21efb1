"""Bulk enrolment of learners into a cohort from a CSV or XLSX file.

Two steps: :func:`read_file` + :func:`validate` give a preview with every
row's errors; :func:`apply` imports, all or nothing, in one transaction.
Learners are matched by email (case-insensitively), so importing the same
file again creates nothing new. New accounts get an invitation to set their
password, sent by a background task after the transaction commits.

Columns (header row, any order, case-insensitive): ``email``,
``first_name``, ``last_name``, ``district``, and optionally
``institution`` and ``role``.
"""

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ui.search import fold
from ui.translated import localized

from . import cohorts
from .models import District, Institution, LearnerProfile, Role
from .tasks import send_import_invitations

REQUIRED = ("email", "first_name", "last_name", "district")
OPTIONAL = ("institution", "role")
MAX_ROWS = 20_000


class ImportFileError(ValidationError):
    """The file as a whole cannot be read."""


@dataclass
class Row:
    line: int
    email: str
    first_name: str
    last_name: str
    district: District | None = None
    institution: Institution | None = None
    role: str = Role.TEACHER
    user_id: int | None = None
    errors: list = field(default_factory=list)


def _header(value):
    return slugify(str(value or "")).replace("-", "_")


def read_file(uploaded):
    """Raw rows (dicts keyed by column) from an uploaded .csv or .xlsx file."""
    name = uploaded.name.lower()
    if name.endswith(".xlsx"):
        try:
            sheet = load_workbook(uploaded, read_only=True, data_only=True).active
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise ImportFileError(_("This is not a readable XLSX file.")) from error
        lines = (
            [("" if cell is None else str(cell)) for cell in row]
            for row in sheet.iter_rows(values_only=True)
        )
    elif name.endswith(".csv"):
        try:
            text = uploaded.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("Save the CSV file as UTF-8 and try again.")) from error
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        lines = csv.reader(io.StringIO(text), dialect)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    header = next(lines, None)
    if not header:
        raise ImportFileError(_("The file is empty."))
    columns = [_header(value) for value in header]
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        raise ImportFileError(
            _("The file has no column: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    rows = []
    for values in lines:
        if not any(str(value).strip() for value in values):
            continue
        rows.append(
            {column: str(value).strip() for column, value in zip(columns, values, strict=False)}
        )
        if len(rows) > MAX_ROWS:
            raise ImportFileError(
                _("A file may hold at most %(max)s learners.") % {"max": MAX_ROWS}
            )
    if not rows:
        raise ImportFileError(_("The file has no learners in it."))
    return rows


def names_in_every_language(row):
    """The row's name in each language, folded as search folds it (İ/i, I/ı, Ё/Е, case)."""
    return {fold(name) for name in (getattr(row, column) for column in localized("name")) if name}


def validate(raw_rows):
    """Check every row (in a fixed number of queries); return :class:`Row` objects with errors."""
    # A district or institution is found by its name in any language (a trainer's
    # spreadsheet may say Şəki, Shaki or Шеки) or its slug.
    districts = {}
    for district in District.objects.all():
        for name in names_in_every_language(district):
            districts[name] = district
        districts[district.slug] = district
    institutions = {
        (institution.district_id, name): institution
        for institution in Institution.objects.all()
        for name in names_in_every_language(institution)
    }
    emails = [row.get("email", "").strip().lower() for row in raw_rows]
    existing = dict(
        get_user_model()
        .objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=[email for email in emails if email])
        .values_list("email_lower", "pk")
    )
    roles = {value: value for value in Role.values} | {
        str(label).casefold(): value for value, label in Role.choices
    }
    seen = {}
    rows = []
    for index, raw in enumerate(raw_rows, start=2):
        email = raw.get("email", "").strip().lower()
        row = Row(
            line=index,
            email=email,
            first_name=raw.get("first_name", "")[:150],
            last_name=raw.get("last_name", "")[:150],
        )
        try:
            validate_email(email)
        except ValidationError:
            row.errors.append(_("“%(email)s” is not an email address.") % {"email": email})
        if email in seen:
            row.errors.append(_("The same email is on line %(line)s.") % {"line": seen[email]})
        seen.setdefault(email, index)
        if not row.first_name or not row.last_name:
            row.errors.append(_("First and last name are both needed."))
        district_name = raw.get("district", "")
        row.district = districts.get(fold(district_name)) or districts.get(slugify(district_name))
        if row.district is None:
            row.errors.append(_("Unknown district “%(name)s”.") % {"name": district_name})
        institution_name = raw.get("institution", "")
        if institution_name and row.district is not None:
            row.institution = institutions.get((row.district.pk, fold(institution_name)))
            if row.institution is None:
                row.errors.append(
                    _("No institution “%(name)s” in %(district)s.")
                    % {"name": institution_name, "district": row.district}
                )
        role = raw.get("role", "").strip()
        if role:
            row.role = roles.get(role.casefold()) or roles.get(slugify(role).replace("-", "_"))
            if row.role is None:
                row.errors.append(_("Unknown role “%(role)s”.") % {"role": role})
        row.user_id = existing.get(email)
        rows.append(row)
    return rows


@dataclass
class ImportResult:
    created: int
    existing: int
    enrolled: int


def apply(cohort, rows, *, base_url):
    """Import valid ``rows`` into ``cohort``; refuse (importing nothing) if any row has errors."""
    if any(row.errors for row in rows):
        raise ValidationError(_("Correct the rows with errors first; nothing was imported."))
    User = get_user_model()
    with transaction.atomic():
        taken = set(
            User.objects.filter(username__in=[row.email[:150] for row in rows]).values_list(
                "username", flat=True
            )
        )
        new_users = []
        for row in rows:
            if row.user_id is None:
                username = row.email[:150]
                if username in taken:
                    username = f"{username[:140]}-{row.line}"
                user = User(
                    username=username,
                    email=row.email,
                    first_name=row.first_name,
                    last_name=row.last_name,
                )
                user.set_unusable_password()
                new_users.append((row, user))
        User.objects.bulk_create([user for _row, user in new_users], batch_size=1000)
        if new_users and new_users[0][1].pk is None:  # backends without RETURNING
            ids = dict(
                User.objects.filter(email__in=[u.email for _r, u in new_users]).values_list(
                    "email", "pk"
                )
            )
            for _row, user in new_users:
                user.pk = user.id = ids[user.email]
        for row, user in new_users:
            row.user_id = user.pk
        LearnerProfile.objects.bulk_create(
            [
                LearnerProfile(
                    user_id=row.user_id,
                    role=row.role,
                    district=row.district,
                    institution=row.institution,
                )
                for row in rows
            ],
            update_conflicts=True,
            unique_fields=["user"],
            update_fields=["role", "district", "institution"],
            batch_size=1000,
        )
        enrolled = cohorts.add_members(cohort, [User(pk=row.user_id) for row in rows])
        invited = [user for _row, user in new_users]
        invited_ids = [user.pk for user in invited]
        transaction.on_commit(
            lambda: send_import_invitations.enqueue(invited_ids, cohort.pk, base_url)
        )
    return ImportResult(
        created=len(new_users), existing=len(rows) - len(new_users), enrolled=enrolled
    )
