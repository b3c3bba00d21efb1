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

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from . import casing
        from .templatetags.language_tags import _forget_locales

        # Capitals as Azerbaijani writes them in Django's labels (İstifadəçi, not Istifadəçi).
        casing.adopt()

        # The language of each locale is remembered for the lang attributes; a locale
        # added or removed is read again.
        for signal in (post_save, post_delete):
            signal.connect(_forget_locales, sender=Locale, dispatch_uid=f"ui.locales.{id(signal)}")
