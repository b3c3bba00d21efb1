"""The course evaluation form, and the community survey form with its respondent group."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .evaluation import RATING_QUESTIONS, SCALE


class EvaluationForm(forms.Form):
    """Five ratings, a yes/no and an optional comment; every field is checked on the server."""

    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend this course to a colleague?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What could make this course better? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Do not write your name: trainers see comments without names."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ratings = {
            name: forms.TypedChoiceField(
                label=label, choices=SCALE, coerce=int, widget=forms.RadioSelect
            )
            for name, label in RATING_QUESTIONS
        }
        self.fields = {**ratings, **self.fields}

    def rating_fields(self):
        return [self[name] for name, _label in RATING_QUESTIONS]


def survey_form_class(page, base_class):
    """The form builder's form with the respondent group asked first."""

    class SurveyForm(base_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            group_field = forms.ModelChoiceField(
                label=_("You answer as"),
                queryset=page.respondent_groups.all(),
                empty_label=None,
                widget=forms.RadioSelect,
            )
            self.fields = {"respondent_group": group_field, **self.fields}

    return SurveyForm
