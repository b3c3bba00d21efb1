"""The admin's upload form for SCORM packages: the zip is checked before anything is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from content_packages.archives import PackageError

from .importing import import_package, read_package


class ScormPackageForm(WagtailAdminModelForm):
    """Upload a package (title optional: the manifest's is used); later only the title changes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title in the package.")
        if self.instance.pk:
            self.fields["file"].disabled = True
            self.fields["file"].required = False
            self.fields["file"].help_text = _("Upload a new package to change the files.")
        else:
            self.fields["file"].help_text = _("A SCORM 1.2 or 2004 zip with imsmanifest.xml.")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if self.instance.pk or upload is None:
            return upload
        try:
            self.manifest, _names = read_package(upload)
        except PackageError as error:
            raise forms.ValidationError(error.messages) from None
        return upload

    def clean_title(self):
        title = self.cleaned_data.get("title", "").strip()
        if self.instance.pk and not title:
            raise forms.ValidationError(_("Give the package a title."))
        return title

    def save(self, commit=True):
        if self.instance.pk:
            return super().save(commit=commit)
        return import_package(
            self.cleaned_data["file"],
            title=self.cleaned_data.get("title", ""),
            user=getattr(self, "for_user", None),
            instance=self.instance,
        )
