from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    label = "lms"
    verbose_name = _("Learning records")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pagecache.signals import invalidate_on_change

        from . import checks, exports, receivers  # noqa: F401
        from .models import CourseItem, ModuleRequirement

        exports.register()
        # Course outlines, lesson items and prerequisites are cached (pagecache.cache.cached).
        invalidate_on_change(CourseItem, ModuleRequirement)
