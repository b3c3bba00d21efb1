from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    label = "library"
    verbose_name = _("Resource-centre library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import reports

        reports.register_exports()
