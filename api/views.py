"""Viewsets of the learning API: courses, my enrolments, progress and certificates, cohorts.

Every write goes through :mod:`lms.services`; every queryset is cut to what
the caller may see before any lookup, so another user's record is a 404.
"""

import django_filters
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, routers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from courses.models import CoursePage
from courses.models.pages import Audience, Language
from lms import services
from lms.models import Certificate, Cohort, Enrolment, LessonProgress, Source
from lms.reports import REPORT_PERMISSION, visible_cohorts

from . import serializers as s

# Ids beyond a 32-bit integer cannot exist; refusing them keeps the database out of it.
MAX_ID = 2**31 - 1
# A record's id in an address: a whole number of at most 18 digits (a 64-bit key);
# anything else is the API's 404 without a query (api.urls.not_found).
ID_PATTERN = "[0-9]{1,18}"


def public_courses():
    """Live courses without view restrictions: the only ones the API shows or enrols in."""
    return CoursePage.objects.live().public().select_related("programme").order_by("title", "pk")


class CourseFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__slug")
    audience = django_filters.ChoiceFilter(choices=Audience.choices)
    language = django_filters.ChoiceFilter(choices=Language.choices)
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=_("Title contains")
    )

    class Meta:
        model = CoursePage
        fields = ["programme", "audience", "language", "q"]


class CourseViewSet(viewsets.ReadOnlyModelViewSet):
    """Live public courses; the detail adds the outline of modules and lessons (lesson UUIDs)."""

    lookup_value_regex = ID_PATTERN
    permission_classes = [permissions.AllowAny]
    filterset_class = CourseFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CoursePage.objects.none()
        if self.action == "list":
            # As the catalogue: a course with no live lesson yet is not offered.
            return services.open_courses(public_courses())
        return public_courses()

    def get_serializer_class(self):
        return s.CourseDetailSerializer if self.action == "retrieve" else s.CourseSerializer


class EnrolmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The caller's enrolments; ``POST`` enrols the caller in a course (prerequisites apply)."""

    lookup_value_regex = ID_PATTERN
    serializer_class = s.EnrolmentSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Enrolment.objects.none()
        return (
            Enrolment.objects.filter(learner=self.request.user)
            .select_related("course", "last_item")
            .order_by("-enrolled_at", "-pk")
        )

    @extend_schema(
        request=s.EnrolRequestSerializer,
        responses={200: s.EnrolmentSerializer, 201: s.EnrolmentSerializer},
    )
    def create(self, request):
        body = s.EnrolRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        course = public_courses().filter(pk=body.validated_data["course"]).first()
        if course is None:
            raise ValidationError({"course": [_("No live course has this id.")]})
        # A course with no live lesson is refused (403) like unmet prerequisites.
        enrolment, created = services.enrol(request.user, course)
        enrolment = self.get_queryset().get(pk=enrolment.pk)
        return Response(
            self.get_serializer(enrolment).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ProgressFilter(django_filters.FilterSet):
    course = django_filters.NumberFilter(
        field_name="item__course_id", min_value=1, max_value=MAX_ID, decimal_places=0
    )

    class Meta:
        model = LessonProgress
        fields = ["course"]


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_(
        "1 to 64 characters naming this report; a retry with the same key changes nothing."
    ),
)


class ProgressViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's progress per lesson; ``POST …/lessons/<uuid>/`` reports progress on one."""

    serializer_class = s.LessonProgressSerializer
    filterset_class = ProgressFilter
    lookup_field = "lesson"
    lookup_value_regex = "[0-9a-fA-F-]{32,36}"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return LessonProgress.objects.none()
        return (
            LessonProgress.objects.filter(learner=self.request.user)
            .select_related("item")
            .order_by("item__course_id", "item__path")
        )

    @extend_schema(responses=s.LessonProgressSerializer)
    def retrieve(self, request, lesson):
        record = get_object_or_404(self.get_queryset(), item__uuid=lesson)
        return Response(self.get_serializer(record).data)

    @extend_schema(
        request=s.ProgressRequestSerializer,
        responses=s.ProgressResultSerializer,
        parameters=[IDEMPOTENCY_KEY],
    )
    def report(self, request, lesson):
        body = s.ProgressRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        key = request.headers.get("Idempotency-Key")
        try:
            result = services.record_learning(
                request.user,
                lesson,
                data["verb"],
                progress=data.get("progress"),
                progress_delta=data.get("progress_delta"),
                time_spent=data["time_spent"],
                source=Source.API,
                request_id=key,
            )
        except services.UnknownLesson as error:
            raise NotFound(error.messages[0]) from error
        except services.UntrustedSource as refusal:
            raise PermissionDenied(str(refusal)) from None
        summary = result.summary
        return Response(
            s.ProgressResultSerializer(
                {
                    "progress": summary,
                    "course_progress": result.enrolment.progress,
                    "lesson_completed_now": result.lesson_completed_now,
                    "course_completed_now": result.course_completed_now,
                    "duplicate": result.duplicate,
                }
            ).data
        )


class CertificateViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's certificates; ``verify/<code>/`` checks any certificate, signed in or not."""

    serializer_class = s.CertificateSerializer
    lookup_field = "code"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Certificate.objects.none()
        return Certificate.objects.filter(learner=self.request.user).order_by("-issued_at", "-pk")

    @action(
        detail=True,
        methods=["get"],
        permission_classes=[permissions.AllowAny],
        url_path="verify",
    )
    def verify(self, request, code):
        certificate = get_object_or_404(Certificate, code=code)
        return Response(self.get_serializer(certificate).data)


class CanReadCohorts(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.user.is_authenticated and request.user.has_perm(REPORT_PERMISSION)


class CohortViewSet(viewsets.ReadOnlyModelViewSet):
    """The cohorts the caller runs (all of them for programme managers), and their progress."""

    lookup_value_regex = ID_PATTERN
    serializer_class = s.CohortSerializer
    permission_classes = [CanReadCohorts]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Cohort.objects.none()
        return (
            visible_cohorts(self.request.user)
            .annotate(member_count=Count("memberships", distinct=True))
            .prefetch_related("courses")
            .order_by("name", "pk")
        )

    @extend_schema(responses=s.CohortProgressSerializer(many=True))
    @action(detail=True, methods=["get"])
    def progress(self, request, pk):
        cohort = self.get_object()
        rows = (
            Enrolment.objects.filter(
                learner__cohort_memberships__cohort=cohort,
                course__in=cohort.courses.values("pk"),
            )
            .values(
                "learner_id",
                "learner__username",
                "course_id",
                "progress",
                "lessons_completed",
                "completed_at",
            )
            .order_by("learner__username", "course_id")
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(s.CohortProgressSerializer(page, many=True).data)


class ApiRoot(routers.APIRootView):
    """``/api/v1/``: the API's resources and endpoints by name, with the schema and the docs.

    Built from the router's registry (every list it mounts) plus the endpoints outside
    it, so a new resource appears here when it is registered. Open to anyone: it names
    addresses only; each one checks its own caller.
    """

    permission_classes = [permissions.AllowAny]
    schema = None  # not a resource: left out of the OpenAPI document

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.data = {
            "name": "Teacher training platform API",
            "version": "v1",
            "resources": response.data,
            "schema": reverse("api:schema", request=request),
            "docs": reverse("api:docs", request=request),
            "redoc": reverse("api:redoc", request=request),
        }
        return response
