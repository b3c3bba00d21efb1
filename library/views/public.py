"""The public catalogue, a material's page, placing a hold, and the patron's "My library".

Availability per centre comes from one aggregate query over the copies of
the materials on the page, so a page costs the same with 10 or 10,000 copies.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ui.dates import local_date
from ui.search import query_keys, search

from .. import reference, services
from ..forms import CatalogueSearchForm, HoldForm
from ..models import Copy, Hold, Loan, Material, Patron

PAGE_SIZE = 20
SEARCH_LIMIT = 1000


def availability(material_ids):
    """``{material_id: [(centre, available, total), ...]}`` from one aggregate query."""
    rows = (
        Copy.objects.filter(material_id__in=material_ids)
        .exclude(status__in=[Copy.Status.LOST, Copy.Status.WITHDRAWN])
        .values("material_id", "current_centre_id")
        .annotate(total=Count("id"), available=Count("id", filter=Q(status=Copy.Status.AVAILABLE)))
        .order_by()
    )
    rows = list(rows)
    centres = {c.pk: c for c in reference.centres()}
    if any(row["current_centre_id"] not in centres for row in rows):
        # A centre the cached list has not seen (created without save(), or restored).
        reference.invalidate()
        centres = {c.pk: c for c in reference.centres()}
    result = {}
    for row in rows:
        result.setdefault(row["material_id"], []).append(
            (centres[row["current_centre_id"]], row["available"], row["total"])
        )
    for entries in result.values():
        entries.sort(key=lambda entry: (-entry[1], entry[0].name))
    return result


def search_material_ids(query, limit=SEARCH_LIMIT):
    """The ids of the materials matching ``query``, best first.

    The catalogue page, the API and the desk all search through :mod:`ui.search`,
    so they agree: Azerbaijani, Russian and English words match their inflected
    forms and the start of longer words, whatever the case or the accents typed.
    A query of punctuation or control characters alone finds nothing.
    """
    if not query_keys(query):
        return []
    # Ranking is cheap on PostgreSQL (and search servers) but costs SQLite's FTS5 about
    # a second at 10,000 materials (docs/benchmarks.md): there, matches come in title order.
    ranked = connection.vendor != "sqlite"
    results = search(Material, query, order_by_relevance=ranked)
    # Wagtail's database backends search with a queryset: read only its ids, in one
    # query. A search server hands back instances.
    get_queryset = getattr(results, "get_queryset", None)
    if ranked:
        results = results[:limit]
        if get_queryset is None:
            return [material.pk for material in results]
        return list(results.get_queryset().values_list("pk", flat=True))
    matches = (
        get_queryset()
        if get_queryset
        else Material.objects.filter(pk__in=[material.pk for material in results])
    )
    return list(matches.order_by("title", "pk").values_list("pk", flat=True)[:limit])


def names_by_material(field_name, rows, material_ids):
    """``{material_id: [name, ...]}`` of a many-to-many field, from its link table alone.

    The names (``str()``, so in the active language where translated) come from the
    cached ``rows`` (:mod:`library.reference`), in their order.
    """
    field = Material._meta.get_field(field_name)
    order = {row.pk: (position, str(row)) for position, row in enumerate(rows)}
    links = field.remote_field.through.objects.filter(
        **{f"{field.m2m_field_name()}__in": material_ids}
    ).values_list(field.m2m_column_name(), field.m2m_reverse_name())
    result = {}
    for material_id, row_id in sorted(links, key=lambda link: order.get(link[1], (0, ""))):
        if row_id in order:
            result.setdefault(material_id, []).append(order[row_id][1])
    return result


def catalogue(request):
    form = CatalogueSearchForm(request.GET or None)
    materials = Material.objects.all()
    query = ""
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            materials = materials.filter(kind=data["kind"])
        if data["format"]:
            materials = materials.filter(formats=data["format"])
        if data["language"]:
            materials = materials.filter(languages=data["language"])
        copies = Copy.objects.exclude(status__in=[Copy.Status.LOST, Copy.Status.WITHDRAWN])
        if data["centre"]:
            copies = copies.filter(current_centre=data["centre"])
        if data["available"]:
            copies = copies.filter(status=Copy.Status.AVAILABLE)
        if data["centre"] or data["available"]:
            materials = materials.filter(pk__in=copies.values("material_id"))
        query = data["q"].strip()
    if query:
        # Page through the ranked ids and read only the page's materials.
        ranked = search_material_ids(query)
        if materials.query.where:
            allowed = set(materials.filter(pk__in=ranked).values_list("pk", flat=True))
            ranked = [pk for pk in ranked if pk in allowed]
        page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
        by_id = Material.objects.in_bulk(list(page.object_list))
        items = [by_id[pk] for pk in page.object_list if pk in by_id]
    else:
        page = Paginator(materials.order_by("title"), PAGE_SIZE).get_page(request.GET.get("page"))
        items = list(page.object_list)
    ids = [m.pk for m in items]
    where = availability(ids)
    language_names = names_by_material("languages", reference.languages(), ids)
    format_names = names_by_material("formats", reference.formats(), ids)
    kinds = dict(Material.Kind.choices)
    for material in items:
        # Joined here rather than looped over in the template: twenty results
        # with their languages, formats and centres cost the template more than
        # the queries did.
        material.kind_label = kinds.get(material.kind, material.kind)
        material.availability = where.get(material.pk, [])
        material.available_count = sum(a for _c, a, _t in material.availability)
        material.language_names = ", ".join(language_names.get(material.pk, []))
        material.format_names = ", ".join(format_names.get(material.pk, []))
        material.free_at = "; ".join(
            f"{centre.name} ({available})"
            for centre, available, _total in material.availability
            if available
        )
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "library/catalogue.html",
        {
            "form": form,
            "page": page,
            "materials": items,
            "query": query,
            "filter_querystring": querystring.urlencode(),
            "is_filtered": any(request.GET.get(k) for k in form.fields),
            # The filters folded on a phone open when one of them is in use.
            "more_filters_used": any(request.GET.get(k) for k in form.fields if k != "q"),
        },
    )


def patron_for(user):
    if not user.is_authenticated:
        return None
    return Patron.objects.filter(user=user).select_related("home_centre").first()


def material_detail(request, pk):
    material = get_object_or_404(
        Material.objects.prefetch_related("languages", "formats", "subjects").select_related(
            "cover_image", "digital_file"
        ),
        pk=pk,
    )
    patron = patron_for(request.user)
    hold = None
    if patron is not None:
        hold = Hold.objects.filter(patron=patron, material=material, status__in=Hold.ACTIVE).first()
    related_pages = list(material.related_pages.live().public().specific())
    return render(
        request,
        "library/material_detail.html",
        {
            "material": material,
            "availability": availability([material.pk]).get(material.pk, []),
            "patron": patron,
            "hold": hold,
            "hold_form": HoldForm(
                initial={"pickup_centre": patron.home_centre_id if patron else None}
            ),
            "related_pages": related_pages,
        },
    )


@require_POST
def place_hold(request, pk):
    material = get_object_or_404(Material, pk=pk)
    url = reverse("library:material", args=[pk])
    if not request.user.is_authenticated:
        return redirect_to_login(url)
    patron = patron_for(request.user)
    if patron is None:
        messages.error(
            request,
            _("Only registered patrons can place holds. Ask a resource centre for a card."),
        )
        return redirect(url)
    form = HoldForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the centre where you will collect it."))
        return redirect(url)
    try:
        hold = services.place_hold(patron, material, form.cleaned_data["pickup_centre"])
    except services.CirculationError as error:
        messages.error(request, error.message)
        return redirect(url)
    messages.success(
        request,
        _("Your hold is placed: you are number %(position)s in the queue.")
        % {"position": services.queue_position(hold)},
    )
    return redirect("library:my_library")


@login_required
def my_library(request):
    patron = patron_for(request.user)
    loans, holds, history = [], [], []
    if patron is not None:
        loans = list(
            Loan.objects.filter(patron=patron, returned_at__isnull=True)
            .select_related("copy__material", "centre")
            .order_by("due_at")
        )
        holds = list(
            Hold.objects.filter(patron=patron, status__in=Hold.ACTIVE)
            .select_related("material", "pickup_centre")
            .annotate(
                ahead=Count(
                    "material__holds",
                    filter=Q(
                        material__holds__status=Hold.Status.WAITING,
                        material__holds__placed_at__lt=F("placed_at"),
                    ),
                )
            )
            .order_by("placed_at")
        )
        history = list(
            Loan.objects.filter(patron=patron, returned_at__isnull=False)
            .select_related("copy__material")
            .order_by("-returned_at")[:20]
        )
    return render(
        request,
        "library/my_library.html",
        {"patron": patron, "loans": loans, "holds": holds, "history": history},
    )


def _own(request, queryset, pk):
    patron = patron_for(request.user)
    obj = get_object_or_404(queryset, pk=pk)
    if patron is None or obj.patron_id != patron.pk:
        # Another patron's record: do not reveal that it exists.
        raise Http404
    return obj


@require_POST
@login_required
def renew_own_loan(request, pk):
    loan = _own(request, Loan.objects.all(), pk)
    try:
        loan = services.renew(loan, by=request.user)
    except services.CirculationError as error:
        messages.error(request, error.message)
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(
            request,
            _("Renewed: now due on %(date)s.") % {"date": local_date(loan.due_at)},
        )
    return redirect("library:my_library")


@require_POST
@login_required
def cancel_own_hold(request, pk):
    hold = _own(request, Hold.objects.all(), pk)
    try:
        services.cancel_hold(hold, by=request.user)
    except services.CirculationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your hold is cancelled."))
    return redirect("library:my_library")
