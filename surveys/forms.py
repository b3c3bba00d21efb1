"""The course evaluation form, and the community survey form with its respondent group.

No question starts answered: a choice a respondent skipped must be an error
(when required) or no answer, never the first choice or an editor's default.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

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


class SurveyFormBuilder(FormBuilder):
    """Wagtail's form builder with no choice pre-selected.

    A dropdown starts on an empty "Choose…" option, so a required one left
    alone is an error rather than its first choice; the editor's default
    value is not applied to questions with choices.
    """

    CHOICE_TYPES = {"dropdown", "multiselect", "radio", "checkboxes", "checkbox"}

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in self.CHOICE_TYPES:
            options["initial"] = None
        return options

    def create_dropdown_field(self, field, options):
        options["choices"] = [("", _("Choose…"))] + self.get_formatted_field_choices(field)
        return forms.ChoiceField(**options)

    def create_checkboxes_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **options)


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
