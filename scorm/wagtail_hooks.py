"""SCORM packages in the Wagtail admin: a snippet viewset with upload and "used in"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import ScormPackageForm
from .models import ScormPackage


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    icon = "media"
    menu_label = _("SCORM packages")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["title", "version", "uploaded_by", "uploaded_at"]
    list_filter = ["version"]
    search_fields = ["title"]
    # The zip is read on upload; afterwards only the title changes.
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("file")], base_form_class=ScormPackageForm
    )


register_snippet(ScormPackageViewSet)
