"""Forms of the learner pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.choices import Audience, Language
from .models.snippets import Programme


class CatalogueFilterForm(forms.Form):
    """The catalogue's search box and filters; every field is optional."""

    q = forms.CharField(label=_("Search courses"), required=False, max_length=200)
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All programmes"),
    )
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=[("", _("All audiences")), *Audience.choices],
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *Language.choices],
        required=False,
    )


class ProgressForm(forms.Form):
    """A progress report from the lesson page's script (or any client)."""

    verb = forms.ChoiceField(
        choices=[
            ("progressed", "progressed"),
            ("reached_end", "reached_end"),
            ("marked_complete", "marked_complete"),
        ]
    )
    progress = forms.FloatField(required=False, min_value=0, max_value=1)
    progress_delta = forms.FloatField(required=False, min_value=0, max_value=1)
    time_spent = forms.FloatField(required=False, min_value=0, initial=0)
    # The client's id for this report, so that a retry is not counted twice.
    request_id = forms.CharField(required=False, max_length=64)

    def clean(self):
        data = super().clean()
        if data.get("progress") is not None and data.get("progress_delta") is not None:
            raise forms.ValidationError(_("Send either progress or progress_delta, not both."))
        if data.get("verb") == "progressed" and (
            data.get("progress") is None and data.get("progress_delta") is None
        ):
            raise forms.ValidationError(_("A progress report needs progress or progress_delta."))
        return data
