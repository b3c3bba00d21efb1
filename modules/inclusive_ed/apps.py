from django.utils.translation import gettext_lazy as _

from courses.packs import ModulePackConfig


class InclusiveEducationConfig(ModulePackConfig):
    name = "modules.inclusive_ed"
    label = "inclusive_ed"
    verbose_name = _("Inclusive education")
    default = True  # the base class is not a default; this one is
    default_auto_field = "django.db.models.BigAutoField"
    urls = "modules.inclusive_ed.urls"
    url_prefix = "inclusive-ed"

    def ready(self):
        from courses import packs

        from .blocks import PACK_BLOCKS
        from .content import build_starter_content

        for name, block in PACK_BLOCKS:
            packs.register_lesson_block(name, block)
        packs.register_starter_content(self.label, build_starter_content)
