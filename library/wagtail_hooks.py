"""Admin wiring of the library: catalogue snippets and a link to the circulation desk.

Materials, subjects, centres and loan rules are network-wide records, edited
with Django model permissions. Copies and patrons belong to a centre: staff
list, open, edit and delete only those of their own centres (the listing is
narrowed, every single-object view refuses the rest, and the forms refuse a
centre the user does not staff).
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .admin_forms import CentreForm, CopyForm, PatronForm
from .models import Centre, Copy, LoanRule, Material, Patron, Subject


def _outside_my_centres(user, instance):
    if user.is_superuser:
        return False
    centre_id = getattr(instance, "current_centre_id", None) or instance.home_centre_id
    return not services.staff_centres(user).filter(pk=centre_id).exists()


class CentreScopedObjectMixin:
    """Refuse any single-object admin view of a record kept by a centre the user does not staff."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if _outside_my_centres(self.request.user, instance):
            raise PermissionDenied
        return instance


def _scoped(view_class):
    return type(f"CentreScoped{view_class.__name__}", (CentreScopedObjectMixin, view_class), {})


class CentreScopedViewSet(SnippetViewSet):
    """Copies and patrons: listed, opened, copied, edited and deleted only at the user's centres."""

    centre_field = "home_centre"
    edit_view_class = _scoped(snippet_views.EditView)
    delete_view_class = _scoped(snippet_views.DeleteView)
    copy_view_class = _scoped(snippet_views.CopyView)
    history_view_class = _scoped(snippet_views.HistoryView)
    usage_view_class = _scoped(snippet_views.UsageView)
    inspect_view_class = _scoped(snippet_views.InspectView)

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.centre_field}__in": services.staff_centres(request.user)})


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "doc-full"
    menu_label = _("Materials")
    list_display = ["title", "authors", "kind", "identifier"]
    list_filter = ["kind", "audience", "formats", "languages"]
    search_fields = ["title", "authors", "identifier"]


class CopyViewSet(CentreScopedViewSet):
    model = Copy
    centre_field = "current_centre"
    icon = "tag"
    menu_label = _("Copies")
    list_display = ["barcode", "material", "current_centre", "status", "condition"]
    list_filter = ["status", "condition", "current_centre", "home_centre"]
    search_fields = ["barcode", "material__title"]
    edit_handler = ObjectList(Copy.panels, base_form_class=CopyForm)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("material", "current_centre")


class PatronViewSet(CentreScopedViewSet):
    model = Patron
    icon = "user"
    menu_label = _("Patrons")
    list_display = ["name", "card_number", "category", "home_centre", "expires_on", "is_blocked"]
    list_filter = ["category", "home_centre", "is_blocked"]
    search_fields = ["name", "card_number"]
    edit_handler = ObjectList(Patron.panels, base_form_class=PatronForm)


class CentreViewSet(SnippetViewSet):
    model = Centre
    icon = "site"
    menu_label = _("Resource centres")
    list_display = ["name", "code", "district", "email"]
    edit_handler = ObjectList(Centre.panels, base_form_class=CentreForm)


class LoanRuleViewSet(SnippetViewSet):
    model = LoanRule
    icon = "cog"
    menu_label = _("Loan rules")
    list_display = ["__str__", "loan_days", "renewals_allowed", "max_loans", "max_holds"]


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"
    menu_label = _("Subjects")
    list_display = ["name", "slug"]


class LibraryViewSetGroup(ViewSetGroup):
    menu_label = _("Library")
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (
        MaterialViewSet,
        CopyViewSet,
        PatronViewSet,
        CentreViewSet,
        LoanRuleViewSet,
        SubjectViewSet,
    )


register_snippet(LibraryViewSetGroup)


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return services.staff_centres(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return DeskMenuItem(
        _("Library desk"), reverse("library:desk"), icon_name="clipboard-list", order=310
    )


@hooks.register("register_log_actions")
def register_library_log_actions(actions):
    """Circulation at the desks, shown in the site history report."""
    actions.register_action("library.checkout", _("Lend"), _("Lent a copy"))
    actions.register_action("library.checkin", _("Take back"), _("Took back a copy"))
    actions.register_action("library.renew", _("Renew"), _("Renewed a loan"))
    actions.register_action("library.cancel_hold", _("Cancel hold"), _("Cancelled a hold"))
    actions.register_action("library.send_transfer", _("Send"), _("Sent a copy to another centre"))
    actions.register_action("library.receive_transfer", _("Receive"), _("Received a copy"))


@hooks.register("landing_url_for_user")
def desk_staff_land_on_the_desk(user):
    """Centre staff start the day at their desk, not on "My learning"."""
    if user.library_memberships.exists():
        return reverse("library:desk")
    return None
