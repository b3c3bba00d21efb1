"""Sign-up form: the few fields a learner must give."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lms.models import District, Institution, LearnerProfile, Role


class SignUpForm(UserCreationForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Used to reset your password. We never show it to other learners."),
    )

    role = forms.ChoiceField(label=_("I am a"), choices=Role.choices)
    district = forms.ModelChoiceField(
        label=_("District or city where you work or study"), queryset=District.objects.all()
    )
    institution = forms.ModelChoiceField(
        label=_("School, university or provider"),
        queryset=Institution.objects.select_related("district"),
        required=False,
        help_text=_("Optional. Programme reports count learners by institution."),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "last_name", "email")

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email

    def clean(self):
        data = super().clean()
        institution, district = data.get("institution"), data.get("district")
        if institution and district and institution.district_id != district.pk:
            self.add_error("institution", _("This institution is in another district."))
        return data

    @transaction.atomic
    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            LearnerProfile.objects.create(
                user=user,
                role=self.cleaned_data["role"],
                district=self.cleaned_data["district"],
                institution=self.cleaned_data.get("institution"),
            )
        return user
