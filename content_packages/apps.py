from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentPackagesConfig(AppConfig):
    """Safe handling of uploaded content packages (H5P, SCORM and the like).

    :mod:`content_packages.archives` checks a zip before any byte is stored and
    extracts it through Django's storage API; :mod:`content_packages.imports`
    journals the folders an import writes, so a killed import leaves nothing
    behind. No models, and no import of another app of the platform: the
    activity apps build on it.
    """

    name = "content_packages"
    label = "content_packages"
    verbose_name = _("Content packages")
    default_auto_field = "django.db.models.BigAutoField"
