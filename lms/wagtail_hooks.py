"""Admin wiring of the learning records: certificates, manual completions, cohorts, organisation."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .forms import CohortForm
from .models import Cohort, District, Institution, Target


def admin_urlpatterns():
    return [
        path("certificates/", admin_views.certificate_index, name="certificates"),
        path("certificates/<int:pk>/revoke/", admin_views.certificate_revoke, name="revoke"),
        path("complete/", admin_views.complete_for_learner, name="complete"),
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("learning/", include((admin_urlpatterns(), "lms_admin"), namespace="lms_admin"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


learning_menu = Menu(
    register_hook_name="register_learning_records_menu_item", construct_hook_name=None
)


@hooks.register("register_learning_records_menu_item")
def certificates_menu_item():
    return PermissionMenuItem(
        _("Certificates"),
        reverse("lms_admin:certificates"),
        icon_name="doc-full",
        permission="lms.revoke_certificate",
    )


@hooks.register("register_learning_records_menu_item")
def complete_menu_item():
    return PermissionMenuItem(
        _("Complete a course for a learner"),
        reverse("lms_admin:complete"),
        icon_name="success",
        permission="lms.complete_for_learner",
    )


@hooks.register("register_admin_menu_item")
def learning_records_menu():
    return SubmenuMenuItem(
        _("Learning records"), learning_menu, icon_name="group", name="learning-records", order=250
    )


class CohortIndexView(IndexView):
    """Trainers see the cohorts they run; programme managers see them all."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.request.user.has_perm("lms.view_all_reports"):
            return queryset
        return queryset.filter(trainers=self.request.user)


class CohortEditView(EditView):
    def get_object(self, queryset=None):
        cohort = super().get_object(queryset)
        user = self.request.user
        if (
            not user.has_perm("lms.view_all_reports")
            and not cohort.trainers.filter(pk=user.pk).exists()
        ):
            raise PermissionDenied
        return cohort


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    form_fields = [
        "name",
        "programme",
        "audience",
        "institution",
        "district",
        "starts_on",
        "ends_on",
        "trainers",
        "courses",
    ]
    list_display = ["name", "programme", "institution", "district", "starts_on"]
    list_filter = ["programme", "district"]
    search_fields = ["name"]
    index_view_class = CohortIndexView
    edit_view_class = CohortEditView

    def get_form_class(self, for_update=False):
        from django.forms.models import modelform_factory

        return modelform_factory(self.model, form=CohortForm, fields=self.form_fields)


class DistrictViewSet(ModelViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    form_fields = ["name", "slug", "kind"]
    list_display = ["name", "kind"]
    search_fields = ["name"]


class InstitutionViewSet(ModelViewSet):
    model = Institution
    icon = "home"
    menu_label = _("Institutions")
    form_fields = ["name", "kind", "district", "parent"]
    list_display = ["name", "kind", "district"]
    list_filter = ["kind", "district"]
    search_fields = ["name"]


class TargetViewSet(ModelViewSet):
    model = Target
    icon = "pick"
    menu_label = _("Targets")
    form_fields = ["programme", "district", "audience", "target"]
    list_display = ["programme", "district", "audience", "target"]


class OrganisationGroup(ViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 240
    items = (CohortViewSet, InstitutionViewSet, DistrictViewSet, TargetViewSet)


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationGroup()
