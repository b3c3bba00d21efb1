"""Wagtail admin views for trainers: certificates, completion by hand, importing a cohort.

Each view checks its own permission (``lms.revoke_certificate``,
``lms.complete_for_learner``); the Trainers group holds both. A trainer acts
only within the cohorts they run: on a learner who is a member of one of them,
for one of that cohort's courses. Programme managers (``lms.view_all_reports``)
act on everyone; nobody completes a course for themself. Anything out of scope
answers 404, as if it did not exist.
"""

import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from . import imports, services
from .models import Certificate, Cohort, CourseRules
from .reports import sees_everyone, taught_by, visible_cohorts
from .tasks import IMPORT_PREVIEWS


def visible_certificates(user):
    """Certificates ``user`` may see and revoke: everyone's, or their cohorts' learners'."""
    certificates = Certificate.objects.all()
    if sees_everyone(user):
        return certificates
    return certificates.filter(
        Exists(taught_by(user, OuterRef("learner_id"), OuterRef("enrolment__course_id")))
    )


def completable_courses(user):
    """The course rules ``user`` may complete by hand: all, or their cohorts' courses."""
    rules = CourseRules.objects.order_by("title")
    if sees_everyone(user):
        return rules
    courses = Cohort.courses.through.objects.filter(cohort__in=visible_cohorts(user))
    return rules.filter(course_id__in=courses.values("page_id"))


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept with the certificate; the learner is not shown it."),
    )


class ManualCompletionForm(forms.Form):
    """Who, which course and why; only learners and courses of the user's own cohorts."""

    learner = forms.CharField(label=gettext_lazy("Learner (username or email)"))
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"), queryset=CourseRules.objects.none()
    )
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["course"].queryset = completable_courses(user)
        if not sees_everyone(user):
            self.fields["learner"].help_text = _("A member of one of the cohorts you run.")

    def clean_learner(self):
        value = self.cleaned_data["learner"].strip()
        users = get_user_model().objects.filter(Q(username=value) | Q(email__iexact=value))
        if users.filter(pk=self.user.pk).exists():
            raise ValidationError(_("You cannot complete a course for yourself."))
        if sees_everyone(self.user):
            if users.count() != 1:
                raise ValidationError(_("No single learner has this username or email."))
            return users.get()
        # One message whether or not the account exists elsewhere: a trainer learns
        # nothing about learners outside their cohorts.
        users = users.filter(cohort_memberships__cohort__trainers=self.user).distinct()
        if users.count() != 1:
            raise ValidationError(_("No learner in your cohorts has this username or email."))
        return users.get()

    def clean(self):
        data = super().clean()
        learner, rules = data.get("learner"), data.get("course")
        if (
            learner
            and rules
            and not sees_everyone(self.user)
            and not taught_by(self.user, learner, rules.course_id).exists()
        ):
            self.add_error(
                "course", _("This learner is not in a cohort of yours that takes this course.")
            )
        return data


@permission_required("lms.revoke_certificate", raise_exception=True)
def certificate_index(request):
    query = request.GET.get("q", "").strip()
    certificates = visible_certificates(request.user).order_by("-issued_at")
    if query:
        certificates = certificates.filter(
            Q(code__iexact=query)
            | Q(learner_name__icontains=query)
            | Q(course_title__icontains=query)
        )
    page = Paginator(certificates, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request, "lms/admin/certificate_index.html", {"certificates": page, "query": query}
    )


@permission_required("lms.revoke_certificate", raise_exception=True)
def certificate_revoke(request, pk):
    certificate = get_object_or_404(visible_certificates(request.user), pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke_certificate(
                certificate, revoked_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Certificate %(code)s revoked.") % {"code": certificate.code}
            )
            return redirect("lms_admin:certificates")
    return TemplateResponse(
        request, "lms/admin/certificate_revoke.html", {"certificate": certificate, "form": form}
    )


@permission_required("lms.complete_for_learner", raise_exception=True)
def complete_for_learner(request):
    form = ManualCompletionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            certificate = services.complete_for_learner(
                data["learner"],
                data["course"].course,
                decided_by=request.user,
                reason=data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(learner)s has completed “%(course)s”; certificate %(code)s.")
                % {
                    "learner": certificate.learner_name,
                    "course": certificate.course_title,
                    "code": certificate.code,
                },
            )
            return redirect("lms_admin:complete")
    return TemplateResponse(request, "lms/admin/complete_for_learner.html", {"form": form})


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File of learners (.csv or .xlsx)"),
        help_text=gettext_lazy(
            "Columns: email, first_name, last_name, district; optionally institution and role."
        ),
    )


def _stored_rows(path):
    from django.core.files.storage import default_storage

    with default_storage.open(path, "rb") as stored:
        stored.name = path
        return imports.validate(imports.read_file(stored))


def import_learners(request, pk):
    """Upload, preview, then confirm a cohort's learners; all rows valid or nothing imported."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if not request.user.has_perm("lms.change_cohort"):
        raise PermissionDenied
    cohort = get_object_or_404(visible_cohorts(request.user), pk=pk)
    session_key = f"cohort-import-{cohort.pk}"
    form = ImportForm()
    if request.method == "POST" and request.POST.get("action") == "confirm":
        path = request.session.get(session_key)
        if not path or not default_storage.exists(path):
            messages.error(request, _("Upload the file again: the preview has expired."))
            return redirect("lms_admin:import", cohort.pk)
        try:
            rows = _stored_rows(path)
            result = imports.apply(cohort, rows, base_url=request.build_absolute_uri("/"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("lms_admin:import", cohort.pk)
        finally:
            default_storage.delete(path)
            request.session.pop(session_key, None)
        messages.success(
            request,
            _("%(created)s new accounts, %(existing)s existing; %(enrolled)s new enrolments.")
            % result.__dict__,
        )
        return redirect("lms_reports:cohort_grid", cohort.pk)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                rows = imports.validate(imports.read_file(upload))
            except ValidationError as error:
                form.add_error("file", error)
            else:
                errors = [row for row in rows if row.errors]
                context = {
                    "cohort": cohort,
                    "rows": rows[:50],
                    "row_count": len(rows),
                    "errors": errors[:500],
                    "error_count": len(errors),
                    "new_count": sum(1 for row in rows if row.user_id is None),
                }
                if not errors:
                    upload.seek(0)
                    extension = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
                    path = default_storage.save(
                        f"{IMPORT_PREVIEWS}/{uuid.uuid4().hex}{extension}",
                        ContentFile(upload.read()),
                    )
                    request.session[session_key] = path
                return TemplateResponse(request, "lms/admin/import_preview.html", context)
    return TemplateResponse(request, "lms/admin/import.html", {"cohort": cohort, "form": form})
