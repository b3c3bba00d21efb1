from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    name = "scorm"
    label = "scorm"
    verbose_name = _("SCORM packages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import packs

        from .blocks import ScormBlock

        # A lesson body (and a guidance page's) offers the block while this app is installed.
        packs.register_lesson_block("scorm", ScormBlock())
        from . import signals  # noqa: F401
