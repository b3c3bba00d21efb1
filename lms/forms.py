"""Admin forms of the learning records."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page

from .models import CourseRules


class CohortForm(WagtailAdminModelForm):
    """Cohort form whose course choices are the courses the records know of."""

    courses = forms.ModelMultipleChoiceField(
        label=_("Courses"),
        queryset=Page.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members are enrolled in every course chosen here."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["courses"].queryset = Page.objects.filter(
            pk__in=CourseRules.objects.values("course_id")
        ).order_by("title")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("A cohort cannot end before it starts."))
        return data
