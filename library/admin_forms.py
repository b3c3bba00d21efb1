"""Admin forms for centre-owned records: a user may only file them under a centre they staff."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import services
from .roles import STAFF_GROUP


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


class CentreForm(WagtailAdminModelForm):
    """A centre's desk staff are chosen among the members of the staff group (or already on it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "staff" in self.fields:
            members = Q(groups__name=STAFF_GROUP)
            if self.instance.pk:
                members |= Q(library_memberships__centre=self.instance)
            self.fields["staff"].queryset = (
                get_user_model().objects.filter(members).distinct().order_by("username")
            )
            self.fields["staff"].widget = forms.CheckboxSelectMultiple()
            self.fields["staff"].widget.choices = self.fields["staff"].choices
            self.fields["staff"].help_text = _(
                "Members of the “Resource centre staff” group who run this centre's desk."
            )
