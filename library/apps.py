from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    label = "library"
    verbose_name = _("Resource-centre library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from . import reference, reports

        reports.register_exports()
        for model in reference.MODELS:
            for event, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(
                    reference.invalidate,
                    sender=model,
                    dispatch_uid=f"library.reference.{event}.{model._meta.label}",
                )
        # Every deploy and restore runs migrate: the lists start afresh with the new code and rows.
        post_migrate.connect(reference.invalidate, sender=self, dispatch_uid="library.reference")
