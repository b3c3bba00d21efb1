"""The resource-centre library in the API.

Materials are public (search, with availability per centre). Loans and
holds are for centre staff, and only at their own centres: the lists show
their centres' records, and every action (check out, check in, renew, place
a hold) goes through :mod:`library.services`, which checks the staff member
again. A refused step (blocked patron, copy elsewhere, ...) answers 400 with
the service's message.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from library import services
from library.models import Centre, Hold, Loan, Material
from library.views.public import availability

from .views import IntegerLookupMixin


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


class MaterialViewSet(IntegerLookupMixin, viewsets.ReadOnlyModelViewSet):
    """The public catalogue; ``?q=`` searches title and authors, ``?kind=`` filters."""

    serializer_class = MaterialSerializer
    permission_classes = [permissions.AllowAny]
    filterset_fields = ["kind", "audience"]

    def get_queryset(self):
        materials = Material.objects.order_by("title", "pk")
        query = (self.request.query_params.get("q") or "").strip()
        if query:
            materials = materials.filter(Q(title__icontains=query) | Q(authors__icontains=query))
        return materials

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
    centre = serializers.SlugField(help_text=_("The code of the lending centre."))
    card_number = serializers.CharField(max_length=40)
    barcode = serializers.CharField(max_length=40)


class CheckinSerializer(serializers.Serializer):
    centre = serializers.SlugField()
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
    pickup_centre = serializers.SlugField()


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


class LoanViewSet(
    IntegerLookupMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Open loans at the caller's centres; check out, check in and renew."""

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


class HoldViewSet(IntegerLookupMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Active holds to collect at the caller's centres; place a hold for a patron."""

    serializer_class = HoldSerializer
    permission_classes = [IsCentreStaff]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Hold.objects.none()
        return (
            Hold.objects.filter(
                pickup_centre__in=services.staff_centres(self.request.user),
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
