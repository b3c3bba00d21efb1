"""The API's URLs, mounted at ``/api/v1/`` by the site (namespace ``api``)."""

from csp.decorators import csp_update
from django.apps import apps
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from . import views, xapi
from .auth import ObtainToken
from .exceptions import not_found

app_name = "api"


class Router(DefaultRouter):
    """DRF's router, but a detail route's id never holds a control character: PostgreSQL
    cannot compare text holding NUL (a 500), so such an address is the JSON 404 below."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        kwarg = getattr(viewset, "lookup_url_kwarg", None) or getattr(viewset, "lookup_field", "pk")
        value = getattr(viewset, "lookup_value_regex", r"[^/.\x00-\x1f]+")
        return f"(?P<{lookup_prefix}{kwarg}>{value})"

    def list_names(self):
        """Each registered resource's prefix and the URL name of its list, as DRF's root has."""
        list_name = self.routes[0].name
        return {
            prefix: list_name.format(basename=basename) for prefix, _, basename in self.registry
        }


router = Router(trailing_slash=True)
router.include_root_view = False
router.register("courses", views.CourseViewSet, basename="course")
router.register("enrolments", views.EnrolmentViewSet, basename="enrolment")
router.register("certificates", views.CertificateViewSet, basename="certificate")
router.register("cohorts", views.CohortViewSet, basename="cohort")
if apps.is_installed("library"):
    from library import api as library_api

    for prefix, viewset, basename in library_api.ROUTES:
        router.register(f"library/{prefix}", viewset, basename=basename)

# Endpoints outside the router, named on the root page beside the router's lists.
ENDPOINTS = {
    "auth-token": "token",
    "progress": "progress-list",
    "xapi-statements": "xapi-statements",
}
api_root = views.ApiRoot.as_view(
    api_root_dict={
        **router.list_names(),
        **ENDPOINTS,
    }
)

progress_list = views.ProgressViewSet.as_view({"get": "list"})
progress_lesson = views.ProgressViewSet.as_view({"get": "retrieve", "post": "report"})

# Swagger UI writes inline styles (its own stylesheet rules and element styles);
# its script comes from our static files and the split view's own URL, never inline.
docs_view = csp_update({"style-src": ["'unsafe-inline'"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema")
)
# Redoc also starts a web worker from a blob: URL.
redoc_view = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})(
    SpectacularRedocView.as_view(url_name="api:schema")
)

urlpatterns = [
    path("", api_root, name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs_view, name="docs"),
    path("redoc/", redoc_view, name="redoc"),
    path("auth/token/", ObtainToken.as_view(), name="token"),
    path("progress/", progress_list, name="progress-list"),
    path("progress/lessons/<uuid:lesson>/", progress_lesson, name="progress-lesson"),
    path("xapi/statements", xapi.StatementsView.as_view(), name="xapi-statements"),
    path("", include(router.urls)),
    # Last: any other address ending in "/" is the API's JSON 404 (a wrong id such as
    # 1.5 would reach the site's HTML page); one without it still gets APPEND_SLASH.
    re_path(r"^(?:.*/)?$", not_found),
]
