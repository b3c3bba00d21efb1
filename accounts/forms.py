"""Sign-up form: the few fields a learner must give; the password-reset form."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lms.models import District, Institution, LearnerProfile, Role

from .tasks import send_password_reset


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


class BackgroundPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the look-up and the email happen in a background task.

    The request only enqueues :func:`accounts.tasks.send_password_reset` with
    the address as typed, so a known and an unknown address cost the same
    (no account enumeration by timing). The site, protocol and language are
    the request's, as Django's form would use them.
    """

    def save(
        self,
        domain_override=None,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        use_https=False,
        token_generator=default_token_generator,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        if token_generator is not default_token_generator:
            raise ValueError("A background reset can only use the default token generator.")
        if domain_override:
            site_name = domain = domain_override
        else:
            site = get_current_site(request)
            site_name, domain = site.name, site.domain
        send_password_reset.enqueue(
            self.cleaned_data["email"],
            domain=domain,
            site_name=site_name,
            use_https=use_https,
            language=translation.get_language(),
            templates={
                "subject_template_name": subject_template_name,
                "email_template_name": email_template_name,
                "html_email_template_name": html_email_template_name,
            },
            from_email=from_email,
            extra_context=extra_email_context or {},
        )
