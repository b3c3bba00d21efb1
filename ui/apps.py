from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UiConfig(AppConfig):
    """Presentation every app shares: dates in local time and the reader's language,
    durations in words, the scroll region a wide table sits in, and search that
    understands Azerbaijani and Russian (:mod:`ui.search`).

    It has no models and imports no other app of the platform, so ``lms``, ``courses``,
    ``library`` and the rest may use it without reaching into the site (``pages``).
    """

    name = "ui"
    label = "ui"
    verbose_name = _("Shared presentation")
    default_auto_field = "django.db.models.BigAutoField"
