"""SCORM packages (content, a snippet) and each learner's attempt on one (a record).

A :class:`ScormPackage` is the uploaded zip and what its manifest says; its
files live in the default storage under ``storage_prefix``. Both the zip and
the folder have names with a random part, never the upload's name alone.
What a learner's SCO commits is kept by the learning records, one
``lms.Attempt`` per learner, lesson and SCO (see :mod:`scorm.recording`); the
lesson's progress is written only through :func:`lms.services.record_learning`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from content_packages.imports import RandomFolder


class ScormPackage(TranslatableMixin, models.Model):
    """A SCORM 1.2 or 2004 package, unpacked into storage and ready to launch.

    Translatable (Wagtail's ``locale`` and ``translation_key``): each language
    of a package is a package of its own, linked to the others by its
    translation key, and a lesson's translation (wagtail-localize) launches the
    package's translation in its language. A translation made in the admin
    starts as a copy sharing the source's files until a translator uploads the
    language's zip; files stay while any package uses them.
    """

    class Version(models.TextChoices):
        SCORM_12 = "1.2", _("SCORM 1.2")
        SCORM_2004 = "2004", _("SCORM 2004")

    title = models.CharField(_("title"), max_length=255)
    # Read from the manifest (never typed, never copied from another language's package).
    version = models.CharField(
        _("SCORM version"), max_length=8, choices=Version.choices, editable=False
    )
    schema_version = models.CharField(
        _("schema version"), max_length=64, blank=True, editable=False
    )
    # Stored as "scorm/archives/<random>/<upload name>".
    file = models.FileField(_("package file"), upload_to=RandomFolder("scorm/archives"))
    # Folder (in the default storage) that holds the unpacked files; a new one per
    # upload, shared only by a translation copied from this package in the admin.
    storage_prefix = models.CharField(max_length=100, db_index=True, editable=False)
    organisation = models.CharField(max_length=255, blank=True, editable=False)
    # Launchable items of the default organisation, in order: identifier,
    # title, launch (path in the package), parameters, mastery (0-1 or None).
    scos = models.JSONField(default=list, editable=False)
    # Every file of the package, so serving checks membership without storage calls.
    files = models.JSONField(default=list, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    # A translation is a package of its own, not segments of this one: wagtail-localize
    # makes it as a copy the translator edits (uploads the language's zip) in the
    # snippet editor, instead of keeping it in sync with this source.
    localize_default_translation_mode = "simple"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("SCORM package")
        verbose_name_plural = _("SCORM packages")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def sco(self, identifier):
        return next((sco for sco in self.scos if sco["identifier"] == identifier), None)

    @staticmethod
    def new_prefix():
        return f"scorm/packages/{uuid.uuid4().hex}"
