from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5PConfig(AppConfig):
    name = "h5p"
    label = "h5p"
    verbose_name = _("H5P activities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import packs

        from .blocks import H5PBlock

        # A lesson body (and a guidance page's) offers the block while this app is installed.
        packs.register_lesson_block("h5p", H5PBlock())
        from . import signals  # noqa: F401
