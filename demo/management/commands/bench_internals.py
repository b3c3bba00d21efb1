"""Measure what the page cache and the compiled queries save, side by side, in one run.

    manage.py bench_internals [--rounds 5] [--requests 200]

The page cache (``pagecache``) and the queries compiled once (``lms.prepared``)
lean on framework internals; each is kept only while it is worth more than
10 % on the pages it serves (issue 20, docs/benchmarks.md). This renders the
hot pages in-process through the whole middleware stack (Django's test
client, no network) in four modes, interleaved round by round so a busy
machine slows all alike:

- ``both``: the shortcuts on (the default settings);
- ``no page cache``: ``PAGE_CACHE = {"ENABLED": False}``;
- ``no prepared``: ``LMS = {"PREPARED_QUERIES": False}``;
- ``plain``: both off, Wagtail's and the ORM's own path.

It prints milliseconds per request (the best round's median batch), queries per
request, and what each shortcut saves against the mode without it. Run it on
the demo data (``make bench-internals``) or the benchmark's scale data set.
"""

import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import CatalogueIndexPage, CoursePage
from lms import services

MODES = {
    "both": {},
    "no page cache": {"PAGE_CACHE": {"ENABLED": False}},
    "no prepared": {"PREPARED": False},
    "plain": {"PAGE_CACHE": {"ENABLED": False}, "PREPARED": False},
}


class Command(BaseCommand):
    help = "Time the hot pages with and without the page cache and the compiled queries."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--requests", type=int, default=200, help="requests per batch")

    def handle(self, *args, **options):
        pages = self.pages()
        timings = {(mode, name): [] for mode in MODES for name in pages}
        queries = {}
        for mode in MODES:
            with self.mode(mode):
                for name, (client, url) in pages.items():
                    client.get(url)  # warm: first visit, caches, templates
                    with CaptureQueriesContext(connection) as captured:
                        response = client.get(url)
                    if response.status_code != 200:
                        raise CommandError(f"{name} ({url}) answered {response.status_code}")
                    queries[mode, name] = len(captured)
        for _round in range(options["rounds"]):
            for mode in MODES:
                with self.mode(mode):
                    for name, (client, url) in pages.items():
                        started = time.perf_counter()
                        for _ in range(options["requests"]):
                            client.get(url)
                        elapsed = time.perf_counter() - started
                        timings[mode, name].append(elapsed * 1000 / options["requests"])
        self.report(pages, timings, queries, options)

    def mode(self, mode):
        changes = dict(MODES[mode])
        prepared = changes.pop("PREPARED", True)
        return override_settings(
            LMS={**getattr(settings, "LMS", {}), "PREPARED_QUERIES": prepared}, **changes
        )

    def pages(self):
        course = CoursePage.objects.live().public().order_by("path").first()
        if course is None:
            raise CommandError("No live course: run seed_demo (or seed_scale) first.")
        lesson = next(
            (page for page in course.get_lessons() if page.learner_may_mark_complete), None
        )
        if lesson is None:
            raise CommandError(f"{course} has no reading lesson.")
        learner, _created = get_user_model().objects.get_or_create(
            username="bench-internals", defaults={"email": "bench-internals@example.org"}
        )
        services.enrol(learner, course)
        signed_in = Client()
        signed_in.force_login(learner)
        anonymous = Client()
        catalogue = CatalogueIndexPage.objects.live().first()
        return {
            "catalogue (anonymous)": (anonymous, catalogue.url),
            "course page (anonymous)": (anonymous, course.url),
            "course page (signed in)": (signed_in, course.url),
            "reading lesson (signed in)": (signed_in, lesson.url),
            "dashboard (signed in)": (signed_in, reverse("lms:dashboard")),
        }

    def report(self, pages, timings, queries, options):
        best = {key: min(values) for key, values in timings.items()}
        spread = {key: statistics.pstdev(values) for key, values in timings.items()}
        self.stdout.write(
            f"{options['rounds']} rounds × {options['requests']} requests per page and mode "
            f"({connection.vendor}); ms per request (best round) and queries per request\n"
        )
        header = f"{'page':<28}" + "".join(f"{mode:>16}" for mode in MODES)
        header += f"{'page cache saves':>18}{'prepared saves':>16}"
        self.stdout.write(header)
        for name in pages:
            row = f"{name:<28}"
            for mode in MODES:
                row += f"{best[mode, name]:>9.2f} ms {queries[mode, name]:>2}q"
            cache_saves = 1 - best["both", name] / best["no page cache", name]
            prepared_saves = 1 - best["both", name] / best["no prepared", name]
            row += f"{cache_saves:>17.0%} {prepared_saves:>15.0%}"
            self.stdout.write(row)
        noisiest = max(spread.values())
        self.stdout.write(f"\nLargest spread between rounds: {noisiest:.2f} ms.")
