"""The circulation desk: one page per task, built for a barcode scanner.

Every view takes the centre from the URL and refuses anyone who is not on
its staff (:func:`desk_view`); every change goes through
:mod:`library.services`. After a POST the view redirects (so a reload never
lends twice) and the barcode field has the focus again.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from operations.exports import start_export
from ui.dates import local_date

from .. import reports, services
from ..conf import library_settings
from ..forms import (
    BarcodeForm,
    BarcodeUploadForm,
    CheckoutForm,
    DeskSearchForm,
    LabelsForm,
    OutOfStockForm,
    PatronCardForm,
    ReceiveTransferForm,
    SendTransferForm,
)
from ..labels import code128_svg
from ..models import Centre, Copy, Hold, Loan, StockTake, Transfer


def desk_view(view):
    """Sign-in required; the ``centre`` URL argument becomes a Centre the user staffs."""

    @login_required
    @wraps(view)
    def wrapper(request, centre, *args, **kwargs):
        centre = get_object_or_404(Centre, code=centre)
        if not services.is_centre_staff(request.user, centre):
            raise PermissionDenied(_("You are not on the staff of this centre."))
        return view(request, centre, *args, **kwargs)

    return wrapper


def _day(value):
    return local_date(value)


def _render(request, centre, template, context):
    context.setdefault("search_form", DeskSearchForm())
    context.update(
        centre=centre,
        my_centres=services.staff_centres(request.user),
        desk_section=template.rsplit("/", 1)[-1].removesuffix(".html"),
    )
    return render(request, f"library/desk/{template}", context)


@login_required
def desk_index(request):
    centres = list(services.staff_centres(request.user))
    if not centres:
        raise PermissionDenied(_("You are not on the staff of any resource centre."))
    if len(centres) == 1:
        return redirect("library:desk_home", centre=centres[0].code)
    return render(request, "library/desk/index.html", {"centres": centres})


@desk_view
def desk_home(request, centre):
    now = timezone.now()
    counts = Copy.objects.filter(current_centre=centre).aggregate(
        total=Count("id"),
        available=Count("id", filter=Q(status=Copy.Status.AVAILABLE)),
        on_loan=Count("id", filter=Q(status=Copy.Status.ON_LOAN)),
        awaiting=Count("id", filter=Q(status=Copy.Status.AWAITING_PICKUP)),
    )
    loans = Loan.objects.filter(centre=centre, returned_at__isnull=True).aggregate(
        open=Count("id"), overdue=Count("id", filter=Q(due_at__lt=now))
    )
    return _render(
        request,
        centre,
        "home.html",
        {
            "counts": counts,
            "loans": loans,
            "incoming": Transfer.objects.filter(to_centre=centre, received_at__isnull=True).count(),
            "to_pull": _holds_to_pull(centre).count(),
        },
    )


# --- Search --------------------------------------------------------------------------

SEARCH_LIMIT = 25


@desk_view
def search(request, centre):
    """One field for patrons and copies of this centre; an exact barcode opens the copy."""
    form = DeskSearchForm(request.GET or None)
    context = {"search_form": form, "limit": SEARCH_LIMIT}
    if form.is_valid():
        query = form.cleaned_data["q"]
        exact = (
            services.copies_kept_at(centre)
            .filter(barcode=services.normalise_barcode(query))
            .values_list("barcode", flat=True)
            .first()
        )
        if exact is not None:
            return redirect("library:desk_copy", centre=centre.code, barcode=exact)
        patrons, copies = services.desk_search(centre, query, limit=SEARCH_LIMIT)
        context.update(
            query=query,
            patrons=patrons[:SEARCH_LIMIT],
            copies=copies[:SEARCH_LIMIT],
            more=len(patrons) > SEARCH_LIMIT or len(copies) > SEARCH_LIMIT,
        )
    return _render(request, centre, "search.html", context)


@desk_view
def copy_detail(request, centre, barcode):
    """A copy of this centre: where it is, who has it, and the desk's next step for it."""
    copy = get_object_or_404(
        services.copies_kept_at(centre).select_related("material", "home_centre", "current_centre"),
        barcode=services.normalise_barcode(barcode),
    )
    loan = (
        Loan.objects.filter(copy=copy, returned_at__isnull=True)
        .select_related("patron", "centre")
        .first()
    )
    hold = (
        Hold.objects.filter(copy=copy, status__in=[Hold.Status.READY, Hold.Status.IN_TRANSIT])
        .select_related("patron", "pickup_centre")
        .first()
    )
    return _render(
        request,
        centre,
        "copy.html",
        {
            "copy": copy,
            "loan": loan,
            "hold": hold,
            "now": timezone.now(),
            "lendable": (
                copy.status == Copy.Status.AVAILABLE and copy.current_centre_id == centre.pk
            ),
        },
    )


# --- Check out -----------------------------------------------------------------------


@desk_view
def checkout(request, centre):
    patron = None
    card = (request.POST.get("card") or request.GET.get("card") or "").strip()
    url = reverse("library:checkout", args=[centre.code])
    if request.method == "POST":
        form = CheckoutForm(request.POST)
        if not form.is_valid():
            return redirect(f"{url}?{urlencode({'card': card})}" if card else url)
        try:
            patron = services.find_patron(form.cleaned_data["card"])
        except services.CirculationError as error:
            messages.error(request, error.message)
            return redirect(url)
        try:
            loan = services.checkout(request.user, centre, patron, form.cleaned_data["barcode"])
        except services.CirculationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Lent “%(title)s” (%(barcode)s), due %(date)s.")
                % {
                    "title": loan.copy.material.title,
                    "barcode": loan.copy.barcode,
                    "date": _day(loan.due_at),
                },
            )
            waiting = Hold.objects.filter(
                material=loan.copy.material, status=Hold.Status.WAITING
            ).count()
            if waiting:
                messages.warning(
                    request,
                    ngettext(
                        "Note: %(count)s other patron is waiting for this material.",
                        "Note: %(count)s other patrons are waiting for this material.",
                        waiting,
                    )
                    % {"count": waiting},
                )
        return redirect(f"{url}?{urlencode({'card': patron.card_number})}")
    context = {"card_form": PatronCardForm(initial={"card": card})}
    if card:
        try:
            patron = services.find_patron(card)
        except services.CirculationError as error:
            messages.error(request, error.message)
    if patron is not None:
        context.update(
            patron=patron,
            form=CheckoutForm(initial={"card": patron.card_number}),
            loans=Loan.objects.filter(patron=patron, returned_at__isnull=True)
            .select_related("copy__material", "centre")
            .order_by("due_at"),
            ready_holds=Hold.objects.filter(
                patron=patron, status=Hold.Status.READY, pickup_centre=centre
            ).select_related("material", "copy"),
            now=timezone.now(),
        )
    return _render(request, centre, "checkout.html", context)


# --- Check in ------------------------------------------------------------------------

CHECKIN_MESSAGES = {
    "shelved": gettext_lazy("Returned: put “%(title)s” (%(barcode)s) back on the shelf."),
    "not_on_loan": gettext_lazy(
        "“%(title)s” (%(barcode)s) was not on loan and nobody is waiting: it belongs on the shelf."
    ),
    "found": gettext_lazy(
        "Found: “%(title)s” (%(barcode)s) is back in stock; put it on the shelf."
    ),
    "hold_shelf": gettext_lazy(
        "Put “%(title)s” (%(barcode)s) on the hold shelf for %(patron)s (card %(card)s)."
    ),
    "transit": gettext_lazy("Send “%(title)s” (%(barcode)s) to %(to)s."),
}


def describe_routing(result):
    values = {"title": result.copy.material.title, "barcode": result.copy.barcode}
    if result.hold is not None:
        values.update(patron=result.hold.patron.name, card=result.hold.patron.card_number)
    if result.transfer is not None:
        values["to"] = result.transfer.to_centre.name
    action = result.action
    if action == "shelved" and result.loan is None:
        action = "not_on_loan"
    return str(CHECKIN_MESSAGES[action]) % values


@desk_view
def checkin(request, centre):
    form = BarcodeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                result = services.checkin(request.user, centre, form.cleaned_data["barcode"])
            except services.CirculationError as error:
                messages.error(request, error.message)
            else:
                level = (
                    messages.WARNING
                    if result.action in ("hold_shelf", "transit")
                    else (messages.SUCCESS)
                )
                text = describe_routing(result)
                if result.was_overdue:
                    text += " " + _("It came back late.")
                messages.add_message(request, level, text)
        return redirect("library:checkin", centre=centre.code)
    returned = (
        Loan.objects.filter(returned_at__isnull=False, copy__current_centre=centre)
        .filter(returned_at__date=timezone.localdate())
        .select_related("copy__material", "patron")
        .order_by("-returned_at")[:20]
    )
    return _render(
        request, centre, "checkin.html", {"form": BarcodeForm(), "returned_today": returned}
    )


# --- Renew ---------------------------------------------------------------------------


@desk_view
def renew(request, centre):
    if request.method == "POST":
        form = BarcodeForm(request.POST)
        if form.is_valid():
            try:
                loan = services.open_loan_for_barcode(form.cleaned_data["barcode"])
                if loan.centre_id != centre.pk:
                    raise services.CirculationError(
                        _("Copy %(barcode)s was lent by another centre.")
                        % {"barcode": loan.copy.barcode}
                    )
                loan = services.renew(loan, by=request.user)
            except services.CirculationError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("Renewed “%(title)s” for %(patron)s: now due %(date)s.")
                    % {
                        "title": loan.copy.material.title,
                        "patron": loan.patron.name,
                        "date": _day(loan.due_at),
                    },
                )
        return redirect("library:renew", centre=centre.code)
    return _render(request, centre, "renew.html", {"form": BarcodeForm()})


# --- Holds ---------------------------------------------------------------------------


def _holds_to_pull(centre):
    """Waiting holds that a copy on this centre's shelves could fill now."""
    free_here = Copy.objects.filter(
        material=OuterRef("material"), current_centre=centre, status=Copy.Status.AVAILABLE
    )
    return Hold.objects.filter(status=Hold.Status.WAITING).filter(Exists(free_here))


@desk_view
def holds(request, centre):
    if request.method == "POST":
        hold = get_object_or_404(Hold, pk=request.POST.get("hold"), pickup_centre=centre)
        try:
            services.cancel_hold(hold, by=request.user)
        except services.CirculationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The hold is cancelled."))
        return redirect("library:holds", centre=centre.code)
    now = timezone.now()
    shelf = (
        Hold.objects.filter(pickup_centre=centre, status=Hold.Status.READY)
        .select_related("material", "patron", "copy")
        .order_by("expires_at")
    )
    to_pull = (
        _holds_to_pull(centre)
        .select_related("material", "patron", "pickup_centre")
        .order_by("placed_at")[:100]
    )
    waiting = (
        Hold.objects.filter(
            pickup_centre=centre, status__in=[Hold.Status.WAITING, Hold.Status.IN_TRANSIT]
        )
        .select_related("material", "patron")
        .order_by("placed_at")[:200]
    )
    return _render(
        request,
        centre,
        "holds.html",
        {"shelf": shelf, "to_pull": to_pull, "waiting": waiting, "now": now, "form": BarcodeForm()},
    )


# --- Transfers -----------------------------------------------------------------------


@desk_view
def transfers(request, centre):
    send_form = SendTransferForm(centre=centre)
    receive_form = ReceiveTransferForm()
    if request.method == "POST":
        if request.POST.get("action") == "send":
            send_form = SendTransferForm(request.POST, centre=centre)
            if send_form.is_valid():
                try:
                    transfer = services.send_transfer(
                        request.user,
                        centre,
                        send_form.cleaned_data["barcode"],
                        send_form.cleaned_data["to_centre"],
                    )
                except services.CirculationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(
                        request,
                        _("Sent %(barcode)s to %(to)s.")
                        % {"barcode": transfer.copy.barcode, "to": transfer.to_centre},
                    )
                    return redirect("library:transfers", centre=centre.code)
        else:
            receive_form = ReceiveTransferForm(request.POST)
            if receive_form.is_valid():
                try:
                    result = services.receive_transfer(
                        request.user, centre, receive_form.cleaned_data["barcode"]
                    )
                except services.CirculationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, _("Received.") + " " + describe_routing(result))
                    return redirect("library:transfers", centre=centre.code)
    outgoing = Transfer.objects.filter(from_centre=centre, received_at__isnull=True)
    incoming = Transfer.objects.filter(to_centre=centre, received_at__isnull=True)
    related = ("copy__material", "from_centre", "to_centre", "hold__patron")
    return _render(
        request,
        centre,
        "transfers.html",
        {
            "send_form": send_form,
            "receive_form": receive_form,
            "incoming": incoming.select_related(*related).order_by("sent_at")[:200],
            "outgoing": outgoing.select_related(*related).order_by("sent_at")[:200],
        },
    )


# --- Lost and withdrawn --------------------------------------------------------------


@desk_view
def out_of_stock(request, centre):
    form = OutOfStockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = services.mark_lost if form.cleaned_data["action"] == "lost" else services.withdraw
        try:
            copy = action(request.user, centre, form.cleaned_data["barcode"])
        except services.CirculationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(barcode)s is now recorded as %(status)s.")
                % {"barcode": copy.barcode, "status": copy.get_status_display().lower()},
            )
            return redirect("library:out_of_stock", centre=centre.code)
    recent = (
        Copy.objects.filter(
            current_centre=centre, status__in=[Copy.Status.LOST, Copy.Status.WITHDRAWN]
        )
        .select_related("material")
        .order_by("barcode")[:100]
    )
    return _render(request, centre, "out_of_stock.html", {"form": form, "recent": recent})


# --- Stock-take ----------------------------------------------------------------------


@desk_view
def stocktakes(request, centre):
    if request.method == "POST":
        stocktake = services.start_stocktake(request.user, centre)
        return redirect("library:stocktake", centre=centre.code, pk=stocktake.pk)
    return _render(
        request,
        centre,
        "stocktakes.html",
        {
            "stocktakes": StockTake.objects.filter(centre=centre)
            .annotate(scanned=Count("scans"))
            .order_by("-started_at")[:50]
        },
    )


@desk_view
def stocktake(request, centre, pk):
    stocktake = get_object_or_404(StockTake, pk=pk, centre=centre)
    scan_form, upload_form = BarcodeForm(), BarcodeUploadForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "finish":
                services.finish_stocktake(request.user, stocktake)
                return redirect("library:stocktake", centre=centre.code, pk=pk)
            if action == "upload":
                upload_form = BarcodeUploadForm(request.POST, request.FILES)
                if upload_form.is_valid():
                    added = services.record_scans(
                        request.user, stocktake, upload_form.cleaned_data["file"]
                    )
                    messages.success(
                        request, _("%(count)s new barcodes recorded.") % {"count": added}
                    )
                    return redirect("library:stocktake", centre=centre.code, pk=pk)
            else:
                scan_form = BarcodeForm(request.POST)
                if scan_form.is_valid():
                    services.record_scans(
                        request.user, stocktake, [scan_form.cleaned_data["barcode"]]
                    )
                    return redirect("library:stocktake", centre=centre.code, pk=pk)
        except services.CirculationError as error:
            messages.error(request, error.message)
            return redirect("library:stocktake", centre=centre.code, pk=pk)
    result = services.stocktake_result(stocktake)
    return _render(
        request,
        centre,
        "stocktake.html",
        {
            "stocktake": stocktake,
            "scan_form": scan_form,
            "upload_form": upload_form,
            "result": result,
            "last_scans": stocktake.scans.select_related("copy__material").order_by(
                "-scanned_at", "-pk"
            )[:10],
        },
    )


# --- Labels --------------------------------------------------------------------------


@desk_view
def labels(request, centre):
    form = LabelsForm(request.GET or None)
    copies = Copy.objects.filter(home_centre=centre).exclude(status=Copy.Status.WITHDRAWN)
    if form.is_valid():
        if form.cleaned_data["material"]:
            copies = copies.filter(material=form.cleaned_data["material"])
        wanted = [
            services.normalise_barcode(line)
            for line in form.cleaned_data["barcodes"].splitlines()
            if line.strip()
        ]
        if wanted:
            copies = copies.filter(barcode__in=wanted)
    page = Paginator(
        copies.select_related("material").order_by("material__title", "barcode"),
        library_settings.LABELS_PER_SHEET,
    ).get_page(request.GET.get("page"))
    sheet = [(copy, code128_svg(copy.barcode)) for copy in page.object_list]
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return _render(
        request,
        centre,
        "labels.html",
        {"form": form, "page": page, "sheet": sheet, "querystring": querystring.urlencode()},
    )


# --- Reports -------------------------------------------------------------------------


@desk_view
def report(request, centre, slug):
    if slug not in reports.REPORTS:
        raise Http404
    export = request.GET.get("format")
    if export:
        # Made in the background for the requester (operations.exports).
        query = request.GET.copy()
        query.pop("format")
        query["desk"] = centre.code
        return start_export(request, f"library.{slug}", export, query=query)
    form, data = reports.for_user(slug, request.user, request.GET)
    querystring = request.GET.copy()
    querystring.pop("format", None)
    return _render(
        request,
        centre,
        "report.html",
        {
            "report": data,
            "form": form,
            "slug": slug,
            "reports": list(reports.TITLES.items()),
            "querystring": querystring.urlencode(),
        },
    )
