"""Writers of report downloads (CSV, XLSX), every text cell neutralised against formulas.

Re-exported by :mod:`operations.exports`; the export task writes its files with
:func:`write_table`.
"""

import csv
import functools
import io

from django.utils.functional import Promise

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# What makes a spreadsheet program read a cell as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` as a download's cell: text that would start a formula gets a leading ``'``.

    Numbers, dates and other typed values stay as they are (a negative number
    is a number, not text); lazy translations become text.
    """
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutral_row(row):
    return [neutralise(value) for value in row]


class NeutralisedSpreadsheetMixin:
    """For a Wagtail view with ``SpreadsheetExportMixin``: every cell through :func:`neutralise`."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


@functools.cache
def neutralised_view(view_class):
    """``view_class`` (a Wagtail view that downloads CSV/XLSX) with its cells neutralised."""
    return type(view_class.__name__, (NeutralisedSpreadsheetMixin, view_class), {})


def write_table(table, export_format, out):
    """Write ``table`` to the binary file ``out`` row by row; return the number of rows."""
    if export_format == "xlsx":
        return _write_xlsx(table, out)
    return _write_csv(table, out)


def _write_csv(table, out):
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        text.write("\ufeff")  # so spreadsheet programs read UTF-8 (az, ru) correctly
        writer = csv.writer(text)
        writer.writerow(neutral_row(str(heading) for heading in table.headings))
        count = 0
        for row in table.rows:
            writer.writerow(neutral_row(row))
            count += 1
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
    return count


def _write_xlsx(table, out):
    from openpyxl import Workbook

    # Write-only mode streams rows to a temporary file: memory stays flat.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(table.sheet_title or table.filename)[:31] or None)
    # Neutralised text never starts with "=", so openpyxl stores it as text, not a formula.
    sheet.append(neutral_row(str(heading) for heading in table.headings))
    count = 0
    for row in table.rows:
        sheet.append(neutral_row(row))
        count += 1
    workbook.save(out)
    return count
