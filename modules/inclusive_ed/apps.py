from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusiveEducationConfig(AppConfig):
    name = "modules.inclusive_ed"
    label = "inclusive_ed"
    verbose_name = _("Inclusive education")
    default_auto_field = "django.db.models.BigAutoField"
