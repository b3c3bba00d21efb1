"""The resource-centre library's REST API: viewsets a site mounts with :data:`ROUTES`.

Materials are public (search, with availability per centre). Copies, patrons,
loans, holds and transfers are for centre staff, and only at their own
centres: the lists show their centres' records, and every action (check out,
check in, renew, place or cancel a hold, send or receive a transfer) goes
through :mod:`library.services`, which checks the staff member again. A
patron reads their own card (``patrons/me/``) and holds, and may cancel a
hold. A refused step (blocked patron, copy elsewhere, ...) answers 400 with
the service's message.
"""

import django_filters
from django import forms
from django.db.models import Case, Count, Q, When
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from ui.search import matching_ids

from . import services
from .models import (
    Centre,
    Copy,
    Hold,
    Loan,
    Material,
    Patron,
    PatronCategory,
    StockTake,
    Transfer,
)
from .views.public import availability, search_material_ids

# A record's id in an address: a whole number of at most 18 digits (a 64-bit key);
# anything else never reaches the database and is the API's 404.
ID_PATTERN = "[0-9]{1,18}"
# Ids in filters: larger ones cannot exist, and refusing them keeps the database out of it.
MAX_ID = 2**31 - 1


class StrictBooleanField(forms.NullBooleanField):
    """``true`` or ``false`` (``1``, ``0``); anything else is an error, not "no filter"."""

    widget = forms.TextInput  # NullBooleanSelect would read any other value as "unknown"

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in (True, "True", "true", "1"):
            return True
        if value in (False, "False", "false", "0"):
            return False
        raise forms.ValidationError(_("Give true or false."), code="invalid")

    def validate(self, value):
        pass


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class AvailabilitySerializer(serializers.Serializer):
    centre = serializers.CharField()
    centre_name = serializers.CharField()
    available = serializers.IntegerField()
    total = serializers.IntegerField()


class MaterialSerializer(serializers.ModelSerializer):
    availability = serializers.SerializerMethodField()

    class Meta:
        model = Material
        fields = ["id", "title", "authors", "kind", "audience", "publisher", "year", "availability"]

    @extend_schema(responses=AvailabilitySerializer(many=True))
    def get_availability(self, material) -> list[dict]:
        rows = self.context.get("availability", {}).get(material.pk, [])
        return [
            {"centre": c.code, "centre_name": c.name, "available": a, "total": t}
            for c, a, t in rows
        ]


class MaterialFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search", max_length=200, label=_("Search (as the site's catalogue does)")
    )

    class Meta:
        model = Material
        fields = ["kind", "audience", "q"]

    def search(self, materials, name, value):
        """Wagtail search, as the catalogue page: the best match first."""
        query = value.strip()
        if not query:
            return materials
        ranked = search_material_ids(query)
        if not ranked:
            return materials.none()
        rank = Case(*[When(pk=pk, then=i) for i, pk in enumerate(ranked)])
        return materials.filter(pk__in=ranked).order_by(rank, "pk")


class MaterialViewSet(viewsets.ReadOnlyModelViewSet):
    """The public catalogue; ``?q=`` searches as the site's catalogue does, ``?kind=`` filters."""

    lookup_value_regex = ID_PATTERN
    serializer_class = MaterialSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = MaterialFilter

    def get_queryset(self):
        return Material.objects.order_by("title", "pk")

    def get_serializer(self, *args, **kwargs):
        if args:
            items = args[0] if isinstance(args[0], list | tuple) else [args[0]]
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["availability"] = availability([m.pk for m in items])
        return super().get_serializer(*args, **kwargs)


class LoanSerializer(serializers.ModelSerializer):
    barcode = serializers.CharField(source="copy.barcode")
    material = serializers.CharField(source="copy.material.title")
    patron = serializers.CharField(source="patron.card_number")
    centre = serializers.CharField(source="centre.code")

    class Meta:
        model = Loan
        fields = [
            "id",
            "barcode",
            "material",
            "patron",
            "centre",
            "issued_at",
            "due_at",
            "renewals",
            "returned_at",
        ]
        read_only_fields = fields


class CheckoutSerializer(serializers.Serializer):
    centre = serializers.SlugField(max_length=12, help_text=_("The code of the lending centre."))
    card_number = serializers.CharField(max_length=40)
    barcode = serializers.CharField(max_length=40)


class CheckinSerializer(serializers.Serializer):
    centre = serializers.SlugField(max_length=12)
    barcode = serializers.CharField(max_length=40)


class HoldSerializer(serializers.ModelSerializer):
    patron = serializers.CharField(source="patron.card_number", read_only=True)
    pickup_centre = serializers.CharField(source="pickup_centre.code", read_only=True)

    class Meta:
        model = Hold
        fields = ["id", "material", "patron", "pickup_centre", "placed_at", "status", "expires_at"]
        read_only_fields = fields


class PlaceHoldSerializer(serializers.Serializer):
    material = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    card_number = serializers.CharField(max_length=40)
    pickup_centre = serializers.SlugField(max_length=12)


class IsCentreStaff(permissions.BasePermission):
    """Staff of at least one centre (the querysets and services narrow it to theirs)."""

    def has_permission(self, request, view):
        return services.staff_centres(request.user).exists()


def _own_centre(user, code):
    centre = services.staff_centres(user).filter(code=code).first()
    if centre is None:
        if Centre.objects.filter(code=code).exists():
            raise PermissionDenied(_("You are not on the staff of this centre."))
        raise ValidationError({"centre": [_("No centre has this code.")]})
    return centre


def _refused(error):
    return ValidationError({"non_field_errors": [error.message]})


class LoanViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Open loans at the caller's centres; check out, check in and renew."""

    lookup_value_regex = ID_PATTERN
    serializer_class = LoanSerializer
    permission_classes = [IsCentreStaff]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Loan.objects.none()
        return (
            Loan.objects.filter(
                centre__in=services.staff_centres(self.request.user), returned_at__isnull=True
            )
            .select_related("copy__material", "patron", "centre")
            .order_by("due_at", "pk")
        )

    @extend_schema(request=CheckoutSerializer, responses={201: LoanSerializer})
    def create(self, request):
        body = CheckoutSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        centre = _own_centre(request.user, body.validated_data["centre"])
        try:
            patron = services.find_patron(body.validated_data["card_number"])
            loan = services.checkout(request.user, centre, patron, body.validated_data["barcode"])
        except services.CirculationError as error:
            raise _refused(error) from error
        return Response(
            LoanSerializer(self.get_queryset().get(pk=loan.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=CheckinSerializer, responses={200: None})
    @action(detail=False, methods=["post"])
    def checkin(self, request):
        body = CheckinSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        centre = _own_centre(request.user, body.validated_data["centre"])
        try:
            services.checkin(request.user, centre, body.validated_data["barcode"])
        except services.CirculationError as error:
            raise _refused(error) from error
        return Response({"detail": _("Checked in.")})

    @extend_schema(request=None, responses=LoanSerializer)
    @action(detail=True, methods=["post"])
    def renew(self, request, pk):
        loan = self.get_object()
        try:
            services.renew(loan, by=request.user)
        except services.CirculationError as error:
            raise _refused(error) from error
        return Response(LoanSerializer(self.get_queryset().get(pk=loan.pk)).data)


class HoldPermission(permissions.BasePermission):
    """Placing a hold is for centre staff; the list and cancelling, for anyone signed in
    (the queryset shows staff their centres' holds and a patron their own)."""

    def has_permission(self, request, view):
        if view.action == "create":
            return IsCentreStaff().has_permission(request, view)
        return request.user.is_authenticated


class HoldViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Active holds: to collect at the caller's centres, or the caller's own as a patron.

    Staff place a hold for a patron; the patron or staff of the pickup centre cancel it.
    """

    lookup_value_regex = ID_PATTERN
    serializer_class = HoldSerializer
    permission_classes = [HoldPermission]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Hold.objects.none()
        user = self.request.user
        return (
            Hold.objects.filter(
                Q(pickup_centre__in=services.staff_centres(user)) | Q(patron__user=user),
                status__in=Hold.ACTIVE,
            )
            .select_related("patron", "pickup_centre")
            .order_by("placed_at", "pk")
        )

    @extend_schema(request=PlaceHoldSerializer, responses={201: HoldSerializer})
    def create(self, request):
        body = PlaceHoldSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        centre = _own_centre(request.user, body.validated_data["pickup_centre"])
        material = Material.objects.filter(pk=body.validated_data["material"]).first()
        if material is None:
            raise ValidationError({"material": [_("No material has this id.")]})
        try:
            patron = services.find_patron(body.validated_data["card_number"])
            hold = services.place_hold(patron, material, centre)
        except services.CirculationError as error:
            raise _refused(error) from error
        return Response(
            HoldSerializer(self.get_queryset().get(pk=hold.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=None,
        responses=HoldSerializer,
        description=_("Cancel a hold: the patron's own, or as staff of its pickup centre."),
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk):
        hold = self.get_object()
        try:
            hold = services.cancel_hold(hold, by=request.user)
        except services.CirculationError as error:
            raise _refused(error) from error
        hold = Hold.objects.select_related("patron", "pickup_centre").get(pk=hold.pk)
        return Response(HoldSerializer(hold).data)


# --- Copies ----------------------------------------------------------------------------


class CopySerializer(serializers.ModelSerializer):
    material_title = serializers.CharField(source="material.title", read_only=True)
    home_centre = serializers.CharField(source="home_centre.code", read_only=True)
    current_centre = serializers.CharField(source="current_centre.code", read_only=True)

    class Meta:
        model = Copy
        fields = [
            "id",
            "barcode",
            "material",
            "material_title",
            "home_centre",
            "current_centre",
            "status",
            "condition",
            "shelf_mark",
        ]
        read_only_fields = fields


class CopyFilter(django_filters.FilterSet):
    material = django_filters.NumberFilter(
        field_name="material_id", min_value=1, max_value=MAX_ID, decimal_places=0
    )
    centre = django_filters.CharFilter(
        field_name="current_centre__code", max_length=12, label=_("Code of the centre it is at")
    )
    status = django_filters.ChoiceFilter(choices=Copy.Status.choices)
    barcode = django_filters.CharFilter(method="by_barcode", max_length=40)

    class Meta:
        model = Copy
        fields = ["material", "centre", "status", "barcode"]

    def by_barcode(self, copies, name, value):
        return copies.filter(barcode=services.normalise_barcode(value))


class CopyViewSet(viewsets.ReadOnlyModelViewSet):
    """Copies at the caller's centres (every centre's for a superuser), by barcode, material,
    centre or status."""

    lookup_value_regex = ID_PATTERN
    serializer_class = CopySerializer
    permission_classes = [IsCentreStaff]
    filterset_class = CopyFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Copy.objects.none()
        return (
            Copy.objects.filter(current_centre__in=services.staff_centres(self.request.user))
            .select_related("material", "home_centre", "current_centre")
            .order_by("barcode", "pk")
        )


# --- Patrons ---------------------------------------------------------------------------


@extend_schema_field({"type": "string", "format": "email", "nullable": True})
class OptionalEmailField(serializers.EmailField):
    """An address a record may lack: ``null`` when there is none, never ``""``
    (which is not an email address, so the schema's ``format: email`` holds)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


class PatronSerializer(serializers.ModelSerializer):
    home_centre = serializers.CharField(source="home_centre.code", read_only=True)
    email = OptionalEmailField(help_text=_("The patron's email address; null if none is known."))

    class Meta:
        model = Patron
        fields = [
            "id",
            "card_number",
            "name",
            "email",
            "phone",
            "category",
            "home_centre",
            "expires_on",
            "is_blocked",
            "block_reason",
        ]
        read_only_fields = fields


class PatronFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search", max_length=200, label=_("Card number, or part of the name")
    )
    home_centre = django_filters.CharFilter(field_name="home_centre__code", max_length=12)
    category = django_filters.ChoiceFilter(choices=PatronCategory.choices)
    is_blocked = StrictBooleanFilter()

    class Meta:
        model = Patron
        fields = ["q", "home_centre", "category", "is_blocked"]

    def search(self, patrons, name, value):
        query = value.strip()
        if not query:
            return patrons
        return patrons.filter(
            Q(card_number=services.normalise_barcode(query))
            | Q(name__icontains=query)
            | Q(pk__in=matching_ids(Patron, query))
        )


class PatronPermission(permissions.BasePermission):
    """``me`` is for anyone signed in; the list and the records, for centre staff."""

    def has_permission(self, request, view):
        if view.action == "me":
            return request.user.is_authenticated
        return IsCentreStaff().has_permission(request, view)


class PatronViewSet(viewsets.ReadOnlyModelViewSet):
    """Patrons the caller serves at their centres' desks (see
    :func:`library.services.patrons_served_by`); ``me/`` is the caller's own card."""

    lookup_value_regex = ID_PATTERN
    serializer_class = PatronSerializer
    permission_classes = [PatronPermission]
    filterset_class = PatronFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Patron.objects.none()
        return (
            services.patrons_served_by(self.request.user)
            .select_related("home_centre")
            .order_by("name", "pk")
        )

    @extend_schema(
        responses={200: PatronSerializer, 404: OpenApiResponse(description=_("No library card."))},
        filters=False,
        description=_("The caller's own library card; 404 if they have none."),
    )
    @action(detail=False, methods=["get"])
    def me(self, request):
        patron = Patron.objects.filter(user=request.user).select_related("home_centre").first()
        if patron is None:
            raise NotFound(_("You have no library card."))
        return Response(PatronSerializer(patron).data)


# --- Transfers -------------------------------------------------------------------------


class TransferSerializer(serializers.ModelSerializer):
    barcode = serializers.CharField(source="copy.barcode", read_only=True)
    material = serializers.CharField(source="copy.material.title", read_only=True)
    from_centre = serializers.CharField(source="from_centre.code", read_only=True)
    to_centre = serializers.CharField(source="to_centre.code", read_only=True)

    class Meta:
        model = Transfer
        fields = [
            "id",
            "barcode",
            "material",
            "from_centre",
            "to_centre",
            "reason",
            "hold",
            "sent_at",
            "received_at",
        ]
        read_only_fields = fields


class TransferFilter(django_filters.FilterSet):
    open = StrictBooleanFilter(
        field_name="received_at", lookup_expr="isnull", label=_("Still on its way")
    )
    from_centre = django_filters.CharFilter(field_name="from_centre__code", max_length=12)
    to_centre = django_filters.CharFilter(field_name="to_centre__code", max_length=12)

    class Meta:
        model = Transfer
        fields = ["open", "from_centre", "to_centre"]


class SendTransferSerializer(serializers.Serializer):
    centre = serializers.SlugField(max_length=12, help_text=_("The code of the sending centre."))
    barcode = serializers.CharField(max_length=40)
    to_centre = serializers.SlugField(
        max_length=12, help_text=_("The code of the centre to send to.")
    )


class ReceiveTransferSerializer(serializers.Serializer):
    centre = serializers.SlugField(max_length=12, help_text=_("The code of the receiving centre."))
    barcode = serializers.CharField(max_length=40)


class ReceivedSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=["shelved", "hold_shelf", "transit"],
        help_text=_("Where the copy goes now: the shelf, the hold shelf, or on to another centre."),
    )
    transfer = TransferSerializer()
    hold = serializers.IntegerField(allow_null=True)


class TransferViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Copies sent from or to the caller's centres, newest first; send one, receive one."""

    lookup_value_regex = ID_PATTERN
    serializer_class = TransferSerializer
    permission_classes = [IsCentreStaff]
    filterset_class = TransferFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Transfer.objects.none()
        centres = services.staff_centres(self.request.user)
        return (
            Transfer.objects.filter(Q(from_centre__in=centres) | Q(to_centre__in=centres))
            .select_related("copy__material", "from_centre", "to_centre")
            .order_by("-sent_at", "-pk")
        )

    @extend_schema(
        request=SendTransferSerializer,
        responses={201: TransferSerializer},
        description=_("Send an available copy from the caller's centre to another centre."),
    )
    def create(self, request):
        body = SendTransferSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        centre = _own_centre(request.user, body.validated_data["centre"])
        to_centre = Centre.objects.filter(code=body.validated_data["to_centre"]).first()
        if to_centre is None:
            raise ValidationError({"to_centre": [_("No centre has this code.")]})
        try:
            transfer = services.send_transfer(
                request.user, centre, body.validated_data["barcode"], to_centre
            )
        except services.CirculationError as error:
            raise _refused(error) from error
        return Response(
            TransferSerializer(self.get_queryset().get(pk=transfer.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=ReceiveTransferSerializer,
        responses=ReceivedSerializer,
        description=_("Receive a copy sent to the caller's centre; say where it goes next."),
    )
    @action(detail=False, methods=["post"])
    def receive(self, request):
        body = ReceiveTransferSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        centre = _own_centre(request.user, body.validated_data["centre"])
        try:
            result = services.receive_transfer(request.user, centre, body.validated_data["barcode"])
        except services.CirculationError as error:
            raise _refused(error) from error
        # A copy received and sent straight on for a hold elsewhere has a new transfer.
        transfer = self.get_queryset().get(pk=result.transfer.pk)
        return Response(
            ReceivedSerializer(
                {
                    "action": result.action,
                    "transfer": transfer,
                    "hold": result.hold.pk if result.hold else None,
                }
            ).data
        )


# --- Stock-takes -----------------------------------------------------------------------


class StockTakeSerializer(serializers.ModelSerializer):
    centre = serializers.CharField(source="centre.code", read_only=True)
    scanned = serializers.IntegerField(read_only=True)

    class Meta:
        model = StockTake
        fields = ["id", "centre", "started_at", "finished_at", "scanned"]
        read_only_fields = fields


class StartStockTakeSerializer(serializers.Serializer):
    centre = serializers.SlugField(max_length=12, help_text=_("The code of the centre counted."))


class ScansSerializer(serializers.Serializer):
    barcodes = serializers.ListField(
        child=serializers.CharField(max_length=40),
        min_length=1,
        max_length=5000,
        help_text=_("Barcodes found on the shelves; scanning one twice counts it once."),
    )


class ScansRecordedSerializer(serializers.Serializer):
    added = serializers.IntegerField(help_text=_("How many barcodes were new to this count."))


class ShelfCopySerializer(serializers.Serializer):
    barcode = serializers.CharField()
    title = serializers.CharField(source="material.title")
    shelf_mark = serializers.CharField()
    status = serializers.CharField()
    current_centre = serializers.CharField(source="current_centre.code")


class StockTakeResultSerializer(serializers.Serializer):
    missing = ShelfCopySerializer(many=True)
    misplaced = ShelfCopySerializer(many=True)
    unknown = serializers.ListField(child=serializers.CharField())
    found = serializers.IntegerField()


class StockTakeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Stock-takes of the caller's centres: start one, send the barcodes found, finish it,
    and read what is missing, misplaced or unknown."""

    lookup_value_regex = ID_PATTERN
    serializer_class = StockTakeSerializer
    permission_classes = [IsCentreStaff]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return StockTake.objects.none()
        return (
            StockTake.objects.filter(centre__in=services.staff_centres(self.request.user))
            .select_related("centre")
            .annotate(scanned=Count("scans"))
            .order_by("-started_at", "-pk")
        )

    def _fresh(self, stocktake):
        return self.get_queryset().get(pk=stocktake.pk)

    @extend_schema(request=StartStockTakeSerializer, responses={201: StockTakeSerializer})
    def create(self, request):
        body = StartStockTakeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        centre = _own_centre(request.user, body.validated_data["centre"])
        stocktake = services.start_stocktake(request.user, centre)
        return Response(
            StockTakeSerializer(self._fresh(stocktake)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=ScansSerializer, responses=ScansRecordedSerializer)
    @action(detail=True, methods=["post"])
    def scans(self, request, pk):
        stocktake = self.get_object()
        body = ScansSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            added = services.record_scans(request.user, stocktake, body.validated_data["barcodes"])
        except services.CirculationError as error:
            raise _refused(error) from error
        return Response({"added": added})

    @extend_schema(request=None, responses=StockTakeSerializer)
    @action(detail=True, methods=["post"])
    def finish(self, request, pk):
        stocktake = self.get_object()
        try:
            services.finish_stocktake(request.user, stocktake)
        except services.CirculationError as error:
            raise _refused(error) from error
        return Response(StockTakeSerializer(self._fresh(stocktake)).data)

    @extend_schema(responses=StockTakeResultSerializer, filters=False)
    @action(detail=True, methods=["get"])
    def result(self, request, pk):
        return Response(
            StockTakeResultSerializer(services.stocktake_result(self.get_object())).data
        )


# The library's resources, for the site to register on its API router under a prefix
# of its choosing (this site: ``library/``): (path, viewset, basename).
ROUTES = [
    ("materials", MaterialViewSet, "material"),
    ("loans", LoanViewSet, "loan"),
    ("holds", HoldViewSet, "hold"),
    ("copies", CopyViewSet, "copy"),
    ("patrons", PatronViewSet, "patron"),
    ("transfers", TransferViewSet, "transfer"),
    ("stocktakes", StockTakeViewSet, "stocktake"),
]
