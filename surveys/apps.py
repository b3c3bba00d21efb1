from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    label = "surveys"
    verbose_name = _("Surveys and evaluations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import exports

        exports.register()
