"""The admin form of an H5P activity: upload or replace the file, checked before saving.

The check includes who may install library code (:mod:`h5p.importing`): an
uploader without ``h5p.install_h5plibrary`` gets a form error naming each
library an administrator must upload first.
"""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from content_packages.archives import PackageError

from .importing import check_may_install, import_package
from .validation import open_h5p


class H5PActivityForm(WagtailAdminModelForm):
    upload = forms.FileField(
        label=_("H5P file"),
        required=False,
        help_text=_("An .h5p file. Uploading one to an existing activity replaces its content."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title inside the file.")
        if not self.instance.pk:
            self.fields["upload"].required = True

    @property
    def uploader(self):
        """Who uploads: a form made without a user may install nothing."""
        return getattr(self, "for_user", None) or AnonymousUser()

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            try:
                with open_h5p(upload) as checked:
                    check_may_install(checked, self.uploader)
            except PackageError as error:
                raise forms.ValidationError(error.messages) from None
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title") and not cleaned.get("upload") and not self.instance.title:
            self.add_error("title", _("Give a title."))
        return cleaned

    def save(self, commit=True):
        upload = self.cleaned_data.get("upload")
        if upload:
            try:
                return import_package(
                    upload,
                    title=self.cleaned_data.get("title", ""),
                    user=self.uploader,
                    activity=self.instance,
                )
            except PackageError as error:  # checked in clean_upload; storage may still fail
                raise forms.ValidationError(error.messages) from None
        return super().save(commit=commit)
