"""Forms of the public catalogue and the staff desk.

Desk forms put the barcode field first with ``autofocus``: a scanner types
the code and presses Enter, which submits the form.
"""

import csv
import io

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AccessibleFormat, Centre, Language, Material

SCANNER_ATTRS = {"autofocus": True, "autocomplete": "off", "spellcheck": "false"}


class CatalogueSearchForm(forms.Form):
    """The public catalogue's search box and filters; every field is optional."""

    q = forms.CharField(label=_("Search the catalogue"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Material.Kind.choices], required=False
    )
    format = forms.ModelChoiceField(
        label=_("Accessible format"),
        queryset=AccessibleFormat.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Any format"),
    )
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Language.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Any language"),
    )
    centre = forms.ModelChoiceField(
        label=_("Resource centre"),
        queryset=Centre.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All centres"),
    )
    available = forms.BooleanField(label=_("Only with a copy free now"), required=False)


class HoldForm(forms.Form):
    pickup_centre = forms.ModelChoiceField(
        label=_("Collect at"), queryset=Centre.objects.all(), empty_label=None
    )


class BarcodeForm(forms.Form):
    barcode = forms.CharField(
        label=_("Copy barcode"), max_length=40, widget=forms.TextInput(attrs=SCANNER_ATTRS)
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
