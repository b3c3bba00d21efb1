"""Circulation reports: one query per report, shared by the screen, CSV and XLSX.

Each report is a function ``(centres, start, end) -> Report`` whose rows are
plain tuples read with database aggregates; the desk renders them as a table,
and the same rows are written to CSV or XLSX in the background
(:func:`export_table`, registered with :mod:`operations.exports`), so the
export always equals the screen.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Copy, Hold, Loan, Material, Transfer

ROW_LIMIT = 500


@dataclass
class Report:
    title: str
    headers: list
    rows: list = field(default_factory=list)


def _dates(qs, field_name, start, end):
    if start:
        qs = qs.filter(**{f"{field_name}__date__gte": start})
    if end:
        qs = qs.filter(**{f"{field_name}__date__lte": end})
    return qs


def loans_by_month(centres, start=None, end=None):
    qs = _dates(Loan.objects.filter(centre__in=centres), "issued_at", start, end)
    rows = (
        qs.annotate(month=TruncMonth("issued_at"))
        .values("centre__name", "month")
        .annotate(loans=Count("id"), returned=Count("id", filter=Q(returned_at__isnull=False)))
        .order_by("centre__name", "month")
    )
    return Report(
        _("Loans by centre and month"),
        [_("Centre"), _("Month"), _("Loans"), _("Returned")],
        [
            (r["centre__name"], r["month"].strftime("%Y-%m"), r["loans"], r["returned"])
            for r in rows
        ],
    )


def most_lent(centres, start=None, end=None):
    loans = _dates(Loan.objects.filter(centre__in=centres), "issued_at", start, end)
    rows = (
        Material.objects.filter(copies__loans__in=loans)
        .annotate(loans=Count("copies__loans"))
        .order_by("-loans", "title")
        .values_list("title", "kind", "loans")[:ROW_LIMIT]
    )
    kinds = dict(Material.Kind.choices)
    return Report(
        _("Most lent"),
        [_("Material"), _("Kind"), _("Loans")],
        [(title, str(kinds.get(kind, kind)), n) for title, kind, n in rows],
    )


def never_lent(centres, start=None, end=None):
    lent = _dates(Loan.objects.filter(copy=OuterRef("pk")), "issued_at", start, end)
    rows = (
        Copy.objects.filter(home_centre__in=centres)
        .exclude(status=Copy.Status.WITHDRAWN)
        .annotate(lent=Exists(lent))
        .filter(lent=False)
        .order_by("current_centre__name", "material__title", "barcode")
        .values_list("barcode", "material__title", "current_centre__name", "added_at")[:ROW_LIMIT]
    )
    return Report(
        _("Never lent"),
        [_("Barcode"), _("Material"), _("Centre"), _("Added")],
        [(b, t, c, timezone.localtime(a).date().isoformat()) for b, t, c, a in rows],
    )


def overdue(centres, start=None, end=None):
    now = timezone.now()
    rows = (
        Loan.objects.filter(centre__in=centres, returned_at__isnull=True, due_at__lt=now)
        .order_by("due_at")
        .values_list(
            "copy__barcode",
            "copy__material__title",
            "patron__name",
            "patron__card_number",
            "centre__name",
            "due_at",
        )[:ROW_LIMIT]
    )
    return Report(
        _("Overdue"),
        [_("Barcode"), _("Material"), _("Patron"), _("Card"), _("Centre"), _("Due"), _("Days")],
        [
            (b, t, p, card, c, timezone.localtime(d).date().isoformat(), (now - d).days)
            for b, t, p, card, c, d in rows
        ],
    )


def holds_waiting(centres, start=None, end=None):
    qs = _dates(
        Hold.objects.filter(pickup_centre__in=centres, status__in=Hold.ACTIVE),
        "placed_at",
        start,
        end,
    )
    statuses = dict(Hold.Status.choices)
    rows = qs.order_by("placed_at").values_list(
        "material__title", "patron__name", "pickup_centre__name", "placed_at", "status"
    )[:ROW_LIMIT]
    return Report(
        _("Holds waiting"),
        [_("Material"), _("Patron"), _("Pickup centre"), _("Placed"), _("Status")],
        [
            (t, p, c, timezone.localtime(d).date().isoformat(), str(statuses[s]))
            for t, p, c, d, s in rows
        ],
    )


def in_transit(centres, start=None, end=None):
    qs = _dates(
        Transfer.objects.filter(received_at__isnull=True).filter(
            Q(from_centre__in=centres) | Q(to_centre__in=centres)
        ),
        "sent_at",
        start,
        end,
    )
    reasons = dict(Transfer.Reason.choices)
    rows = qs.order_by("sent_at").values_list(
        "copy__barcode",
        "copy__material__title",
        "from_centre__name",
        "to_centre__name",
        "sent_at",
        "reason",
    )[:ROW_LIMIT]
    return Report(
        _("In transit"),
        [_("Barcode"), _("Material"), _("From"), _("To"), _("Sent"), _("Reason")],
        [
            (b, t, f, to, timezone.localtime(d).date().isoformat(), str(reasons[r]))
            for b, t, f, to, d, r in rows
        ],
    )


REPORTS = {
    "loans-by-month": loans_by_month,
    "most-lent": most_lent,
    "never-lent": never_lent,
    "overdue": overdue,
    "holds-waiting": holds_waiting,
    "in-transit": in_transit,
}
TITLES = {
    "loans-by-month": _("Loans by centre and month"),
    "most-lent": _("Most lent"),
    "never-lent": _("Never lent"),
    "overdue": _("Overdue"),
    "holds-waiting": _("Holds waiting"),
    "in-transit": _("In transit"),
}


def for_user(slug, user, query):
    """The report ``slug`` over the centres ``user`` staffs, with the filters in ``query``.

    Returns the filter form and the report: the desk's screen and its export
    (:func:`export_table`) both read the report from here.
    """
    from .forms import ReportFilterForm
    from .services import staff_centres

    mine = staff_centres(user)
    form = ReportFilterForm(query or None, centres=mine)
    centres, start, end = mine, None, None
    if form.is_valid():
        if form.cleaned_data["centre"]:
            centres = mine.filter(pk=form.cleaned_data["centre"].pk)
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return form, REPORTS[slug](centres, start, end)


def export_table(slug, user, query):
    """The export of report ``slug`` for a member of the desk's staff (``desk`` in ``query``)."""
    from django.core.exceptions import PermissionDenied

    from operations.exports import Table

    from .models import Centre
    from .services import is_centre_staff

    desk = Centre.objects.filter(code=query.get("desk", "")).first()
    if desk is None or not is_centre_staff(user, desk):
        raise PermissionDenied
    filters = query.copy()
    filters.pop("desk", None)
    # At most ROW_LIMIT rows, as on the screen: built at once, then written row by row.
    report = for_user(slug, user, filters)[1]
    return Table(
        headings=report.headers,
        rows=iter(report.rows),
        filename=f"library-{slug}-{timezone.localdate().isoformat()}",
        sheet_title=str(report.title),
    )


def register_exports():
    from operations.exports import register

    for slug, title in TITLES.items():
        register(
            f"library.{slug}", title, lambda user, query, slug=slug: export_table(slug, user, query)
        )
