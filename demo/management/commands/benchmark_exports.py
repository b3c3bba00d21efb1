"""Measure the memory and time of writing a large report export.

    manage.py benchmark_exports --rows 50000 --format csv

Writes ``--rows`` rows, and a tenth as many, through the writer the export
task uses (:func:`operations.exports.write_table`) into a temporary file, and
prints the peak memory each needed (tracemalloc). The two peaks should be
about equal: the writer keeps no row it has written.
"""

import tempfile
import time
import tracemalloc

from django.core.management.base import BaseCommand, CommandError

from operations import exports


def measure(rows, export_format):
    table = exports.Table(
        headings=["Learner", "Email", "Course", "Enrolled", "Completed", "Progress (%)"],
        rows=(
            [
                f"Learner {n:07d}",
                f"learner{n}@example.az",
                "Inclusive classrooms",
                1,
                n % 2,
                n % 101,
            ]
            for n in range(rows)
        ),
        filename="benchmark",
    )
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        tracemalloc.start()
        try:
            written = exports.write_table(table, export_format, out)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        size = out.tell()
    return written, peak, size, time.perf_counter() - started


class Command(BaseCommand):
    help = "Print the peak memory of writing N rows (and N/10) to a CSV or XLSX export."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=50_000)
        parser.add_argument("--format", choices=exports.FORMATS, default="csv")

    def handle(self, *args, rows, format, **options):
        if rows < 10:
            raise CommandError("--rows must be at least 10.")
        peaks = []
        for count in (rows // 10, rows):
            written, peak, size, seconds = measure(count, format)
            peaks.append(peak)
            self.stdout.write(
                f"{format} {written:>9,} rows: peak {peak / 1024:,.0f} KiB,"
                f" file {size / 1024:,.0f} KiB, {seconds:.2f} s"
            )
        self.stdout.write(f"Peak ratio ({rows:,} / {rows // 10:,} rows): {peaks[1] / peaks[0]:.2f}")
