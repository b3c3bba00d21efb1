from django.utils.translation import gettext_lazy as _

from courses.packs import ModulePackConfig


class VetConfig(ModulePackConfig):
    name = "modules.vet"
    label = "vet"
    verbose_name = _("Vocational education and training")
    default = True  # the base class is not a default; this one is
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import packs

        from .content import build_starter_content

        packs.register_starter_content(self.label, build_starter_content)
