"""Admin wiring of the learning records: certificates, manual completions, cohorts, organisation."""

from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CopyView, DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ui.translated import localized

from . import admin_views, reports
from .forms import CohortForm
from .models import Cohort, District, Institution, LearningLogEntry, Target
from .models.audit import SCOPES
from .programmes import audience_name, audience_names, programme_name, programme_names


class NamedColumn(Column):
    """A slug (a programme's, an audience's) shown as its name, the names read once per table.

    ``names`` is :func:`~lms.programmes.programme_names` or
    :func:`~lms.programmes.audience_names`, ``name`` the matching look-up.
    """

    def __init__(self, *args, names, name, **kwargs):
        super().__init__(*args, **kwargs)
        self.names, self.name_of = names, name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        table = parent_context["table"]
        cache = table.__dict__.setdefault("slug_names", {})
        if self.name not in cache:
            cache[self.name] = self.names()
        context["value"] = self.name_of(getattr(instance, self.name), cache[self.name])
        return context


def programme_column():
    return NamedColumn(
        "programme",
        label=Cohort._meta.get_field("programme").verbose_name,
        names=programme_names,
        name=programme_name,
    )


def admin_urlpatterns():
    return [
        path("certificates/", admin_views.certificate_index, name="certificates"),
        path("certificates/<int:pk>/revoke/", admin_views.certificate_revoke, name="revoke"),
        path("complete/", admin_views.complete_for_learner, name="complete"),
        path("cohorts/<int:pk>/import/", admin_views.import_learners, name="import"),
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
        if reports.sees_everyone(self.request.user):
            return queryset
        return queryset.filter(trainers=self.request.user)


class CohortScopeMixin:
    """A view of one cohort that answers 404 for a cohort the user does not run.

    Wagtail's generic views load their object in different ways (``setup``,
    ``get_object`` with or without a queryset), so the check wraps ``get_object``,
    which every one of them calls before acting.
    """

    def get_object(self, *args, **kwargs):
        cohort = super().get_object(*args, **kwargs)
        user = self.request.user
        if (
            cohort is not None
            and not reports.sees_everyone(user)
            and not reports.visible_cohorts(user).filter(pk=cohort.pk).exists()
        ):
            raise Http404
        return cohort


class CohortEditView(CohortScopeMixin, EditView):
    pass


class CohortDeleteView(CohortScopeMixin, DeleteView):
    pass


class CohortCopyView(CohortScopeMixin, CopyView):
    pass


class CohortInspectView(CohortScopeMixin, InspectView):
    pass


class CohortHistoryView(CohortScopeMixin, HistoryView):
    pass


class CohortUsageView(CohortScopeMixin, UsageView):
    pass


def progress_link(cohort):
    """Link from the cohort list to its progress grid and import page."""
    from django.utils.html import format_html

    return format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a>',
        reverse("lms_reports:cohort_grid", args=[cohort.pk]),
        _("Progress"),
        reverse("lms_admin:import", args=[cohort.pk]),
        _("Import learners"),
    )


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
    list_display = [
        "name",
        programme_column(),
        "institution",
        "district",
        "starts_on",
        Column("reports", label=_("Reports"), accessor=progress_link),
    ]
    list_filter = ["programme", "district"]
    search_fields = ["name"]
    # Every view of one cohort is scoped; tests/security/test_trainer_scope.py checks
    # that each URL the viewset registers is.
    index_view_class = CohortIndexView
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView
    copy_view_class = CohortCopyView
    inspect_view_class = CohortInspectView
    history_view_class = CohortHistoryView
    usage_view_class = CohortUsageView

    def get_form_class(self, for_update=False):
        from django.forms.models import modelform_factory

        return modelform_factory(self.model, form=CohortForm, fields=self.form_fields)


class DistrictViewSet(ModelViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    form_fields = [*localized("name"), "slug", "kind"]
    list_display = ["name", "kind"]
    search_fields = ["name"]


class InstitutionViewSet(ModelViewSet):
    model = Institution
    icon = "home"
    menu_label = _("Institutions")
    form_fields = [*localized("name"), "kind", "district", "parent"]
    list_display = ["name", "kind", "district"]
    list_filter = ["kind", "district"]
    search_fields = ["name"]


class TargetViewSet(ModelViewSet):
    model = Target
    icon = "pick"
    menu_label = _("Targets")
    form_fields = ["programme", "district", "audience", "target"]
    list_display = [
        programme_column(),
        "district",
        NamedColumn(
            "audience",
            label=Target._meta.get_field("audience").verbose_name,
            names=audience_names,
            name=audience_name,
        ),
        "target",
    ]


class OrganisationGroup(ViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 240
    items = (CohortViewSet, InstitutionViewSet, DistrictViewSet, TargetViewSet)


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationGroup()


def report_urlpatterns():
    patterns = []
    for slug, view in (
        ("by-course", reports.CompletionByCourse),
        ("by-cohort", reports.CompletionByCohort),
        ("by-district", reports.CompletionByDistrict),
        ("by-institution", reports.CompletionByInstitution),
    ):
        name = slug.replace("-", "_")
        patterns += [
            path(f"{slug}/", view.as_view(), name=name),
            path(f"{slug}/results/", view.as_view(results_only=True), name=f"{name}_results"),
        ]
    return patterns + [
        path("cohorts/<int:pk>/", reports.cohort_grid_view, name="cohort_grid"),
        path("learners/<int:pk>/", reports.learner_record_view, name="learner"),
        path("targets/", reports.targets_view, name="targets"),
    ]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "learning-reports/",
            include((report_urlpatterns(), "lms_reports"), namespace="lms_reports"),
        )
    ]


def _report_item(label, url_name, icon, permission=reports.REPORT_PERMISSION):
    return PermissionMenuItem(label, reverse(url_name), icon_name=icon, permission=permission)


@hooks.register("register_reports_menu_item")
def completion_by_course_item():
    return _report_item(_("Completion by course"), "lms_reports:by_course", "table")


@hooks.register("register_reports_menu_item")
def completion_by_cohort_item():
    return _report_item(_("Completion by cohort"), "lms_reports:by_cohort", "group")


@hooks.register("register_reports_menu_item")
def completion_by_district_item():
    return _report_item(_("Completion by district"), "lms_reports:by_district", "site")


@hooks.register("register_reports_menu_item")
def completion_by_institution_item():
    return _report_item(_("Completion by institution"), "lms_reports:by_institution", "home")


@hooks.register("register_reports_menu_item")
def targets_item():
    return _report_item(
        _("Programme targets"), "lms_reports:targets", "pick", permission="lms.view_all_reports"
    )


@hooks.register("register_log_actions")
def register_lms_log_actions(actions):
    """Staff decisions about learners' records, shown in the site history report."""
    # Entries about cohorts and learners go to lms's own log, which each reader
    # sees only within their cohorts (as Wagtail gives pages PageLogEntry).
    for model in SCOPES:
        actions.register_model(model, LearningLogEntry)
    actions.register_action("lms.enrol", _("Enrol a learner"), _("Enrolled a learner"))
    actions.register_action(
        "lms.cohort_enrol", _("Enrol a cohort"), _("Enrolled cohort members in its courses")
    )
    actions.register_action(
        "lms.complete_for_learner",
        _("Complete a course by hand"),
        _("Marked a learner's course complete"),
    )
    actions.register_action(
        "lms.revoke_certificate", _("Revoke a certificate"), _("Revoked a certificate")
    )
