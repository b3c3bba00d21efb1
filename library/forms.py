"""Forms of the public catalogue and the staff desk.

Desk forms put the barcode field first with ``autofocus``: a scanner types
the code and presses Enter, which submits the form.
"""

import csv
import io

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from . import reference
from .models import Centre, Material

SCANNER_ATTRS = {"autofocus": True, "autocomplete": "off", "spellcheck": "false"}


class PlainSelect(forms.Select):
    """A ``<select>`` written in Python, the same markup as Django's template writes.

    Django renders every option through its own template include; for the
    catalogue's four filters (about forty options on every search) that was a
    quarter of the page's time (docs/benchmarks.md). Option groups are not
    supported; the catalogue's choices have none.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>\n{}\n</select>', widget["name"], flatatt(widget["attrs"]), options
        )


class ReferenceChoiceField(forms.ChoiceField):
    """A choice of centre, language or format by its code, from the cached lists.

    Like a ``ModelChoiceField`` with ``to_field_name="code"`` (the cleaned value
    is the instance), without a query per form: ``rows`` is one of the
    :mod:`library.reference` lists, read once per form (:meth:`load`).
    """

    widget = PlainSelect
    default_error_messages = {
        "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"],
    }

    def __init__(self, *, rows, empty_label, **kwargs):
        self.rows, self.empty_label, self.by_code = rows, empty_label, {}
        super().__init__(**kwargs)

    def load(self):
        rows = self.rows()
        self.by_code = {row.code: row for row in rows}
        self.choices = [("", self.empty_label), *((row.code, str(row)) for row in rows)]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.by_code[value]
        except KeyError:
            message = self.error_messages["invalid_choice"]
            raise ValidationError(message, code="invalid_choice", params={"value": value}) from None

    def validate(self, value):
        forms.Field.validate(self, value)


class CatalogueSearchForm(forms.Form):
    """The public catalogue's search box and filters; every field is optional."""

    q = forms.CharField(label=_("Search the catalogue"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds")), *Material.Kind.choices],
        required=False,
        widget=PlainSelect,
    )
    format = ReferenceChoiceField(
        label=_("Accessible format"),
        rows=reference.formats,
        required=False,
        empty_label=_("Any format"),
    )
    language = ReferenceChoiceField(
        label=_("Language"), rows=reference.languages, required=False, empty_label=_("Any language")
    )
    centre = ReferenceChoiceField(
        label=_("Resource centre"),
        rows=reference.centres,
        required=False,
        empty_label=_("All centres"),
    )
    available = forms.BooleanField(label=_("Only with a copy free now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, ReferenceChoiceField):
                field.load()


class HoldForm(forms.Form):
    pickup_centre = forms.ModelChoiceField(
        label=_("Collect at"), queryset=Centre.objects.all(), empty_label=None
    )


class BarcodeForm(forms.Form):
    barcode = forms.CharField(
        label=_("Copy barcode"), max_length=40, widget=forms.TextInput(attrs=SCANNER_ATTRS)
    )


class DeskSearchForm(forms.Form):
    """The desk's one search field: a name, card number, email, barcode or title.

    No autofocus: it sits on every desk page, whose own scan field has the focus.
    """

    q = forms.CharField(
        label=_("Find a patron or copy"),
        help_text=_("Name, card number, email, barcode or title."),
        min_length=2,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class PatronCardForm(forms.Form):
    card = forms.CharField(
        label=_("Patron card number"), max_length=40, widget=forms.TextInput(attrs=SCANNER_ATTRS)
    )


class CheckoutForm(forms.Form):
    """The second step of a checkout: the patron is known, scan copies one after another."""

    card = forms.CharField(widget=forms.HiddenInput, max_length=40)
    barcode = forms.CharField(
        label=_("Copy barcode"), max_length=40, widget=forms.TextInput(attrs=SCANNER_ATTRS)
    )


class SendTransferForm(forms.Form):
    """Sits beside the receive form on one page, hence the prefix (unique field ids)."""

    prefix = "send"
    barcode = forms.CharField(
        label=_("Barcode of the copy to send"),
        max_length=40,
        widget=forms.TextInput(attrs={**SCANNER_ATTRS, "autofocus": False}),
    )
    to_centre = forms.ModelChoiceField(label=_("Send to"), queryset=Centre.objects.all())

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_centre"].queryset = Centre.objects.exclude(pk=centre.pk)


class ReceiveTransferForm(forms.Form):
    prefix = "receive"
    barcode = forms.CharField(
        label=_("Barcode of the copy received"),
        max_length=40,
        widget=forms.TextInput(attrs=SCANNER_ATTRS),
    )


class OutOfStockForm(forms.Form):
    barcode = forms.CharField(
        label=_("Copy barcode"), max_length=40, widget=forms.TextInput(attrs=SCANNER_ATTRS)
    )
    action = forms.ChoiceField(
        label=_("Record the copy as"),
        choices=[("lost", _("Lost")), ("withdrawn", _("Withdrawn from stock"))],
        widget=forms.RadioSelect,
        initial="lost",
    )


class BarcodeUploadForm(forms.Form):
    """A file of barcodes from a portable scanner: one per line, or the first CSV column."""

    MAX_BYTES = 2 * 1024 * 1024

    file = forms.FileField(
        label=_("File of barcodes"),
        help_text=_("A text or CSV file with one barcode per line (first column)."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None
        try:
            rows = list(csv.reader(io.StringIO(text)))
        except csv.Error:
            raise forms.ValidationError(_("The file is not readable as CSV.")) from None
        barcodes = [row[0].strip() for row in rows if row and row[0].strip()]
        if barcodes and barcodes[0].lower() == "barcode":
            barcodes = barcodes[1:]
        if not barcodes:
            raise forms.ValidationError(_("The file holds no barcode."))
        if any(len(b) > 40 for b in barcodes):
            raise forms.ValidationError(_("A line is too long to be a barcode."))
        return barcodes


class ReportFilterForm(forms.Form):
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Centre.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All my centres"),
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres


class LabelsForm(forms.Form):
    material = forms.ModelChoiceField(
        label=_("Only copies of"),
        queryset=Material.objects.all(),
        required=False,
        empty_label=_("All materials"),
    )
    barcodes = forms.CharField(
        label=_("Or these barcodes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
