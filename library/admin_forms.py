"""Admin forms for centre-owned records: a user may only file them under a centre they staff."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import services


class CentreOwnedForm(WagtailAdminModelForm):
    centre_fields = ()

    def clean(self):
        data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return data
        allowed = set(services.staff_centres(user).values_list("pk", flat=True))
        for name in self.centre_fields:
            centre = data.get(name)
            if centre is not None and centre.pk not in allowed:
                self.add_error(name, forms.ValidationError(_("You do not staff this centre.")))
        return data


class CopyForm(CentreOwnedForm):
    # Where the copy is decides who may edit it: the current centre, or home when empty.
    centre_fields = ("current_centre",)

    def clean(self):
        if not self.cleaned_data.get("current_centre"):
            self.centre_fields = ("home_centre",)
        return super().clean()


class PatronForm(CentreOwnedForm):
    centre_fields = ("home_centre",)
