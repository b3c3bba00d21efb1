from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import privacy, privacy_defaults, signals  # noqa: F401

        # Every app's privacy.py declares its models' personal data.
        privacy.autodiscover()
