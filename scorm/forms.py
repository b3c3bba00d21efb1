"""The admin's upload form for SCORM packages: the zip is checked before anything is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from content_packages.archives import PackageError

from .importing import import_package, read_package


class ScormPackageForm(WagtailAdminModelForm):
    """Upload a package (title optional: the manifest's is used), or replace its zip.

    Replacing is how a translator gives a package's translation (copied from
    the source language in the admin) the zip of its own language.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title in the package.")
        if self.instance.pk:
            self.fields["file"].required = False
            self.fields["file"].help_text = _(
                "Upload a new zip to replace the package's files (for instance with the "
                "package in this language). Learners' earlier results stay."
            )
        else:
            self.fields["file"].help_text = _("A SCORM 1.2 or 2004 zip with imsmanifest.xml.")

    @property
    def replaces_file(self):
        return bool(self.instance.pk) and "file" in self.changed_data

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or (self.instance.pk and not self.replaces_file):
            return upload
        try:
            self.manifest, _names = read_package(upload)
        except PackageError as error:
            raise forms.ValidationError(error.messages) from None
        return upload

    def clean_title(self):
        title = self.cleaned_data.get("title", "").strip()
        if self.instance.pk and not title and not self.replaces_file:
            raise forms.ValidationError(_("Give the package a title."))
        return title

    def save(self, commit=True):
        if self.instance.pk and not self.replaces_file:
            return super().save(commit=commit)
        return import_package(
            self.cleaned_data["file"],
            title=self.cleaned_data.get("title", ""),
            user=getattr(self, "for_user", None),
            instance=self.instance,
        )
