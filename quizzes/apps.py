from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    label = "quizzes"
    verbose_name = _("Quizzes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import packs

        from .blocks import QuizBlock

        # A lesson body (and a guidance page's) offers the block while this app is installed.
        packs.register_lesson_block("quiz", QuizBlock(), max_num=1)
