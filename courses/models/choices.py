"""Choices of the course pages' fields, read by the pages and by the catalogue's filter form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    IN_SERVICE = "in_service", _("In-service teachers")
    PRE_SERVICE = "pre_service", _("Pre-service teachers")
    SCHOOL_LEADERS = "school_leaders", _("School leaders")
    VET_INSTRUCTORS = "vet_instructors", _("VET instructors")
    PARENTS = "parents", _("Parents")


class Language(models.TextChoices):
    AZERBAIJANI = "az", _("Azerbaijani")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
