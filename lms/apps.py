from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    label = "lms"
    verbose_name = _("Learning records")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, exports, signals  # noqa: F401
        from .pagecache import connect_signals

        exports.register()
        connect_signals()
