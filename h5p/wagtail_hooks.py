"""Admin wiring: H5P activities as a snippet with upload, replace, usage and preview,
and the permission to install library code in the group editor."""

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import H5PActivityForm
from .models import H5PActivity


class PreviewColumn(Column):
    def get_value(self, instance):
        url = reverse("h5p:preview", args=[instance.pk])
        return format_html('<a href="{}" target="_blank">{}</a>', url, _("Preview"))


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "media"
    menu_label = _("H5P activities")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title",
        "main_library",
        "licence",
        "uploaded_at",
        PreviewColumn("preview", label=_("Preview")),
    ]
    list_filter = ["main_library"]
    search_fields = ["title"]

    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("upload"),
            HelpPanel(template="h5p/admin/activity_details.html", heading=_("From the package")),
        ],
        base_form_class=H5PActivityForm,
    )


register_snippet(H5PActivityViewSet)


@hooks.register("register_permissions")
def register_library_install_permission():
    """Offer "Can install or update H5P library code" in the group editor, to give on purpose."""
    return Permission.objects.filter(content_type__app_label="h5p", codename="install_h5plibrary")
