"""Sign-up, sign-in's landing page, the person's data download and its erasure.

Sign-out and password reset are Django's own views (the reset form sends its
email from a background task: see :mod:`accounts.tasks`). Sign-in is Django's
view with one change: with no ``next``, a person lands where their work is
(:func:`landing_url`).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail import hooks

from . import privacy
from .forms import SignUpForm


def landing_url(user):
    """Where ``user`` lands after signing in when no ``next`` says otherwise.

    Apps register a ``landing_url_for_user`` hook, ``fn(user)`` returning a URL
    or None (the library sends its desk staff to the desk); the first URL wins,
    else ``LOGIN_REDIRECT_URL`` ("My learning").
    """
    for fn in hooks.get_hooks("landing_url_for_user"):
        url = fn(user)
        if url:
            return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class SignInView(auth_views.LoginView):
    """Django's sign-in; a safe ``next`` is followed, else the person's landing page."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return landing_url(self.request.user)


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("lms:dashboard")
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect(next_url or "lms:dashboard")
    return render(request, "registration/signup.html", {"form": form, "next": next_url})


@login_required
def my_data(request):
    """The signed-in person's own data, as one JSON file (nobody else's, ever)."""
    data = privacy.export_personal_data(request.user)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        required=True,
    )


@permission_required("accounts.delete_user", raise_exception=True)
def erase_user(request, pk):
    """Admin: anonymise a person's data; their records still count in programme totals."""
    person = get_object_or_404(get_user_model(), pk=pk)
    if person.pk == request.user.pk:
        raise PermissionDenied
    if person.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name = str(person)
        privacy.erase_personal_data(person, by=request.user)
        messages.success(
            request, _("The personal data of %(name)s has been erased.") % {"name": name}
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request, "accounts/admin/erase_user.html", {"person": person, "form": form}
    )
