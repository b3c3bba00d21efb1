"""H5P activities (content, a snippet) and each learner's saved state in them.

What learners did (the player's statements and the attempts they make) is
kept by the learning records, in ``lms.Statement`` and ``lms.Attempt``
(see :mod:`h5p.results`); lesson progress is written by
``lms.services.record_learning`` only.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index

from content_packages.imports import RandomFolder

from .storage import h5p_storage


class H5PLibrary(models.Model):
    """One version of an H5P library's files, stored once and shared by every activity using it.

    Stored by content: the same folder with the same bytes is one row and one
    set of files, whichever package brought it; a package carrying the same
    version with other bytes gets its own. Files are never changed in place,
    so they may be cached for long. Rows no activity uses any more are
    removed with their files (:func:`h5p.importing.collect_unused_libraries`).

    Library code runs for everyone who plays an activity using it, so storing
    a new library (or the same version with other bytes) takes the
    ``install_h5plibrary`` permission; see :mod:`h5p.importing`.
    """

    folder = models.CharField(_("folder"), max_length=255)  # "H5P.MultiChoice-1.16"
    digest = models.CharField(max_length=64)  # SHA-256 over the folder's names and bytes
    storage_prefix = models.CharField(max_length=255, unique=True)
    files = models.JSONField(default=list)  # storage names, for deletion
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        permissions = [("install_h5plibrary", _("Can install or update H5P library code"))]
        constraints = [
            models.UniqueConstraint(fields=["folder", "digest"], name="h5p_library_unique_content")
        ]

    def __str__(self):
        return self.folder


class H5PActivity(TranslatableMixin, index.Indexed, models.Model):
    """An uploaded, checked and extracted ``.h5p`` package, reusable in any lesson.

    Translatable (Wagtail's ``locale`` and ``translation_key``): each language
    of an activity is an activity of its own, with its own package, linked to
    the others by its translation key. A lesson's translation (wagtail-localize)
    then plays the activity's translation in its language. A translation made
    in the admin starts as a copy that shares the source's stored files until a
    translator uploads the language's package (:meth:`copy_for_translation`).
    """

    title = models.CharField(_("title"), max_length=255)
    # The original upload, kept so the activity can be re-extracted or downloaded;
    # stored as "h5p/packages/<random>/<upload name>".
    package = models.FileField(
        _("H5P file"),
        max_length=255,
        editable=False,
        storage=h5p_storage,
        upload_to=RandomFolder("h5p/packages", default_name="package.h5p"),
    )
    main_library = models.CharField(_("main library"), max_length=255, editable=False)
    # The "Machine.Name-major.minor" folders the content uses, in load order.
    libraries = models.JSONField(_("libraries"), default=list, editable=False)
    licence = models.CharField(_("licence"), max_length=64, blank=True, editable=False)
    authors = models.JSONField(_("authors"), default=list, editable=False)
    # The whole h5p.json, as the player needs it.
    metadata = models.JSONField(_("h5p.json"), default=dict, editable=False)
    # Folder in the H5P storage holding the extracted package; a new one per upload.
    storage_prefix = models.CharField(max_length=255, editable=False)
    # The shared library folders: {"H5P.MultiChoice-1.16": "h5p/libraries/<digest>"}.
    # Empty for activities stored before libraries were shared (all under storage_prefix).
    library_paths = models.JSONField(default=dict, editable=False)
    shared_libraries = models.ManyToManyField(
        H5PLibrary, blank=True, editable=False, related_name="activities"
    )
    file_count = models.PositiveIntegerField(_("files"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    search_fields = [index.SearchField("title"), index.FilterField("main_library")]
    # A translation is a package of its own, not segments of this one: wagtail-localize
    # makes it as a copy the translator edits (uploads the language's file) in the
    # snippet editor, instead of keeping it in sync with this source.
    localize_default_translation_mode = "simple"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def copy_for_translation(self, locale, exclude_fields=None):
        """The activity in ``locale``, unsaved: the same package, its files shared.

        The copy's shared libraries are recorded when it is saved
        (:mod:`h5p.signals`); its files stay while any activity uses them.
        """
        copy = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        copy._libraries_of = self.pk
        return copy

    @property
    def version(self):
        """A short token of this upload's files, part of their URLs.

        Every upload is stored under a new prefix, so a replaced package gets
        new addresses: browsers that cached the old files (for a day) never
        mix them with the new ones.
        """
        return hashlib.sha256(self.storage_prefix.encode()).hexdigest()[:16]

    @property
    def author_names(self):
        return ", ".join(a.get("name", "") for a in self.authors if isinstance(a, dict))


class H5PUserData(models.Model):
    """The player's saved state for a learner ("resume where I left off")."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_user_data"
    )
    activity = models.ForeignKey(H5PActivity, on_delete=models.CASCADE, related_name="+")
    data_type = models.CharField(max_length=64)
    sub_content_id = models.CharField(max_length=64, default="0")
    data = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("H5P saved state")
        verbose_name_plural = _("H5P saved states")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "activity", "data_type", "sub_content_id"],
                name="h5p_user_data_unique",
            )
        ]

    def __str__(self):
        return f"{self.activity_id}/{self.data_type}/{self.sub_content_id}"
