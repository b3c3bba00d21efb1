"""Time a bulk import of N learners into a cohort, then roll it all back.

    manage.py bench_cohort_import --rows 10000

Prints the time to read, validate and import (accounts, profiles,
memberships, enrolments and invitation emails, sent to the in-memory mail
backend), and the queries each step ran.
"""

import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from lms import imports
from lms.models import Cohort, CourseRules, District


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark importing learners into a cohort (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows, **options):
        districts = list(District.objects.values_list("name", flat=True)) or ["Baku"]
        lines = ["email,first_name,last_name,district,role"]
        lines += [
            f"bench{i}@example.org,Learner,Number{i},{districts[i % len(districts)]},teacher"
            for i in range(rows)
        ]
        upload = SimpleUploadedFile("bench.csv", "\n".join(lines).encode())
        figures = []
        try:
            with (
                override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
                transaction.atomic(),
            ):
                cohort = Cohort.objects.create(name="Benchmark", programme="bench")
                cohort.courses.add(*CourseRules.objects.values_list("course_id", flat=True)[:2])
                for name, step in (
                    ("read", lambda: imports.read_file(upload)),
                    ("validate", lambda: imports.validate(figures[0][3])),
                    (
                        "import",
                        lambda: imports.apply(cohort, figures[1][3], base_url="http://localhost"),
                    ),
                ):
                    with CaptureQueriesContext(connection) as queries:
                        started = time.perf_counter()
                        result = step()
                        if name == "import":
                            for callback in connection.run_on_commit:
                                callback[1]()
                            connection.run_on_commit.clear()
                        elapsed = time.perf_counter() - started
                    figures.append((name, elapsed, len(queries), result))
                raise Rollback
        except Rollback:
            pass
        total = sum(figure[1] for figure in figures)
        self.stdout.write(f"Importing {rows} learners into a cohort ({connection.vendor}):")
        for name, elapsed, queries, _result in figures:
            self.stdout.write(f"  {name:<9} {elapsed:8.2f} s  {queries:6d} queries")
        self.stdout.write(f"  {'total':<9} {total:8.2f} s  ({rows / total:,.0f} rows/s)")
        self.stdout.write(f"  result: {figures[2][3]}")
