"""Serve the site with gunicorn and measure it with wrk, beside its floors, in one run.

    DJANGO_SETTINGS_MODULE=portal.settings.bench manage.py bench_http [--duration 10]

(``make bench`` builds the data set and runs this on SQLite, then on
PostgreSQL.) For every scenario it prints requests per second, p50 and p99
latency, database queries per request and the ratio to the floors measured in
the same run: a plain Wagtail page (a title and about 2 KB of rich text), a
bare Django view and a bare JSON POST view. Scenarios and floors are
interleaved round by round, so a busy machine slows both alike. The figures
go to ``--output`` as JSON as well.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from courses.models import CatalogueIndexPage, CoursePage, LessonPage
from lms.models import Cohort, Enrolment
from pages.models import GuidancePage, HomePage

PLAIN_TEXT = "<p>" + ("Inclusive teaching starts with knowing every learner. " * 38) + "</p>"


@dataclass
class Scenario:
    name: str
    path: str
    method: str = "GET"
    body: dict | None = None
    user: str = "learner"  # learner, admin or anonymous
    floor: str = "page"  # which floor it is compared with: page or post
    results: dict = field(default_factory=dict)


class Command(BaseCommand):
    help = "Benchmark the site's hot paths with gunicorn and wrk, beside their floors."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
        parser.add_argument("--connections", type=int, default=10)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--rounds", type=int, default=1)
        parser.add_argument("--output", default=None)
        parser.add_argument("--only", nargs="*", default=None, help="scenario names to run")

    def handle(self, *args, **options):
        if not settings.ROOT_URLCONF.startswith("demo.bench"):
            raise CommandError("Run with DJANGO_SETTINGS_MODULE=portal.settings.bench.")
        self.wrk = shutil.which("wrk")
        if not self.wrk:
            raise CommandError("wrk is missing: `make bench` installs it (Debian package wrk).")
        self.options = options
        scenarios = self.scenarios()
        if options["only"]:
            keep = set(options["only"]) | {"floor: Wagtail page", "floor: bare view"}
            keep |= {"floor: bare JSON POST"}
            scenarios = [s for s in scenarios if s.name in keep]
        self.cookies = {name: self.session_cookie(user) for name, user in self.users.items()}
        for scenario in scenarios:
            scenario.results["queries"] = self.count_queries(scenario)

        port = free_port()
        server = self.start_server(port)
        try:
            for round_number in range(options["rounds"]):
                for scenario in scenarios:
                    figures = self.run_wrk(port, scenario)
                    self.stdout.write(
                        f"round {round_number + 1}: {scenario.name}: "
                        f"{figures['rps']:.0f} req/s, p50 {figures['p50_ms']:.1f} ms"
                    )
                    best = scenario.results.get("rps", 0)
                    if figures["rps"] > best:
                        scenario.results.update(figures)
            rss = worker_rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        self.report(scenarios, rss)

    # -- data ---------------------------------------------------------------

    def scenarios(self):
        User = get_user_model()
        learner = (
            User.objects.filter(username="scale-learner-0").first()
            or User.objects.filter(username="teacher").first()
        )
        if learner is None:
            raise CommandError("No learner: run seed_demo (and seed_scale) first.")
        admin, _created = User.objects.get_or_create(
            username="bench-admin",
            defaults={"is_superuser": True, "is_staff": True, "email": "bench@example.org"},
        )
        self.users = {"learner": learner, "admin": admin}

        enrolment = Enrolment.objects.filter(learner=learner).select_related("course").first()
        if enrolment is None:
            raise CommandError(f"{learner} is enrolled in no course.")
        course = CoursePage.objects.get(pk=enrolment.course_id)
        lessons = LessonPage.objects.live().descendant_of(course)
        lesson = next(
            (lesson for lesson in lessons if lesson.body.first_block_by_name("h5p")),
            lessons.first(),
        )
        catalogue = CatalogueIndexPage.objects.live().first()
        cohort = Cohort.objects.order_by("-pk").first()
        plain = self.plain_page()

        scenarios = [
            Scenario("floor: Wagtail page", plain.url, user="anonymous"),
            Scenario("floor: bare view", reverse("bench_plain"), user="anonymous"),
            Scenario(
                "floor: bare JSON POST",
                reverse("bench_json"),
                method="POST",
                body={"verb": "progressed", "progress_delta": 0.001},
                user="anonymous",
                floor="post",
            ),
            Scenario("catalogue", catalogue.url, user="anonymous"),
            Scenario("course page", course.url),
            Scenario("lesson page (signed in)", lesson.url),
            Scenario(
                "progress write",
                reverse("courses:progress", args=[lesson.lesson_uuid]),
                method="POST",
                body={"verb": "progressed", "progress_delta": 0.0001, "time_spent": 1},
                floor="post",
            ),
        ]
        try:
            xapi = reverse("api:xapi-statements")
        except NoReverseMatch:
            xapi = None
        if xapi:
            scenarios.append(
                Scenario(
                    "xAPI statement post",
                    xapi,
                    method="POST",
                    body=statement(learner, lesson),
                    floor="post",
                )
            )
        scenarios += [
            Scenario(
                "district report",
                reverse("lms_reports:by_district_results"),
                user="admin",
            ),
            Scenario("targets dashboard", reverse("lms_reports:targets"), user="admin"),
            Scenario("catalogue search", reverse("library:catalogue") + "?q=braille"),
        ]
        if cohort:
            scenarios.insert(
                -2,
                Scenario(
                    "cohort report",
                    reverse("lms_reports:cohort_grid", args=[cohort.pk]),
                    user="admin",
                ),
            )
        return scenarios

    def plain_page(self):
        home = HomePage.objects.live().first()
        page = GuidancePage.objects.filter(slug="bench-plain").first()
        if page is None:
            page = GuidancePage(title="A plain page", slug="bench-plain", body=[])
            page.body = [("paragraph", PLAIN_TEXT)]
            home.add_child(instance=page)
            page.save_revision().publish()
        return page

    def session_cookie(self, user):
        client = Client()
        client.force_login(user)
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    def count_queries(self, scenario):
        """Queries one request costs, measured in-process after a warm-up request."""
        client = Client(enforce_csrf_checks=False)
        if scenario.user != "anonymous":
            client.force_login(self.users[scenario.user])

        def request():
            if scenario.method == "POST":
                return client.post(
                    scenario.path, json.dumps(scenario.body), content_type="application/json"
                )
            return client.get(scenario.path)

        warm = request()
        if warm.status_code >= 400:
            raise CommandError(f"{scenario.name}: {scenario.path} answered {warm.status_code}")
        with CaptureQueriesContext(connection) as captured:
            request()
        return len(captured)

    # -- load ---------------------------------------------------------------

    def start_server(self, port):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.bench"}
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--workers",
            str(self.options["workers"]),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
        ]
        server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/floor/plain/", timeout=2)
                return server
            except OSError:
                time.sleep(0.3)
        server.terminate()
        raise CommandError("gunicorn did not start within a minute.")

    def run_wrk(self, port, scenario):
        csrf = get_random_string(32)
        headers = {"Host": "127.0.0.1"}
        cookies = [f"csrftoken={csrf}"]
        if scenario.user != "anonymous":
            cookies.append(f"{settings.SESSION_COOKIE_NAME}={self.cookies[scenario.user]}")
        headers["Cookie"] = "; ".join(cookies)
        lines = [f'wrk.headers["{name}"] = {json.dumps(value)}' for name, value in headers.items()]
        if scenario.method == "POST":
            lines += [
                'wrk.method = "POST"',
                f"wrk.body = {json.dumps(json.dumps(scenario.body))}",
                'wrk.headers["Content-Type"] = "application/json"',
                f'wrk.headers["X-CSRFToken"] = "{csrf}"',
                f'wrk.headers["Referer"] = "http://127.0.0.1:{port}/"',
            ]
        if scenario.body and "id" in scenario.body:
            # A fresh statement id per request, so every post stores a statement.
            lines += [
                "local counter = 0",
                "request = function()",
                "  counter = counter + 1",
                f"  local body = {json.dumps(json.dumps(scenario.body))}",
                "  local id = string.format('%08x-0000-4000-8000-%012x',",
                "    math.random(0, 2^31), counter)",
                f'  body = string.gsub(body, "{scenario.body["id"]}", id)',
                "  return wrk.format(nil, nil, nil, body)",
                "end",
            ]
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write("\n".join(lines) + "\n")
        try:
            output = subprocess.run(
                [
                    self.wrk,
                    "-t2",
                    f"-c{self.options['connections']}",
                    f"-d{self.options['duration']}s",
                    "--latency",
                    "-s",
                    script.name,
                    f"http://127.0.0.1:{port}{scenario.path}",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            os.unlink(script.name)
        return parse_wrk(output)

    # -- report -------------------------------------------------------------

    def report(self, scenarios, rss):
        floors = {s.name: s.results.get("rps", 0) for s in scenarios if s.name.startswith("floor")}
        page_floor = floors.get("floor: Wagtail page") or 1
        view_floor = floors.get("floor: bare view") or 1
        post_floor = floors.get("floor: bare JSON POST") or 1
        header = (
            f"{'scenario':28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} "
            f"{'errors':>7} {'× floor':>8} {'× bare':>7}"
        )
        self.stdout.write("")
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for s in scenarios:
            r = s.results
            floor = post_floor if s.floor == "post" else page_floor
            r["ratio_floor"] = r["rps"] / floor
            r["ratio_bare"] = r["rps"] / (post_floor if s.floor == "post" else view_floor)
            self.stdout.write(
                f"{s.name:28} {r['rps']:8.0f} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} "
                f"{r['queries']:8d} {r['errors']:7d} {r['ratio_floor']:8.2f} {r['ratio_bare']:7.2f}"
            )
        self.stdout.write(f"\nGunicorn worker RSS after the run: {rss} MB")
        result = {
            "date": timezone.now().isoformat(timespec="seconds"),
            "database": connection.vendor,
            "workers": self.options["workers"],
            "connections": self.options["connections"],
            "duration_s": self.options["duration"],
            "cpus": os.cpu_count(),
            "worker_rss_mb": rss,
            "scenarios": [{"name": s.name, "path": s.path, **s.results} for s in scenarios],
        }
        output = self.options["output"] or str(
            settings.BASE_DIR / "var" / f"bench-{connection.vendor}.json"
        )
        with open(output, "w", encoding="utf-8") as target:
            json.dump(result, target, indent=2)
        self.stdout.write(f"Figures written to {output}")


def statement(learner, lesson):
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "mbox": f"mailto:learner{learner.pk}@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {
            "objectType": "Activity",
            "id": f"{settings.WAGTAILADMIN_BASE_URL}/lessons/{lesson.lesson_uuid}",
        },
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    """Requests/s, p50 and p99 (ms) and error count from wrk's ``--latency`` output."""

    def latency(percentile):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }


def worker_rss_mb(master_pid):
    """Resident memory of each gunicorn worker (children of the master), in MB."""
    try:
        with open(f"/proc/{master_pid}/task/{master_pid}/children") as children:
            pids = children.read().split()
    except OSError:
        return []
    sizes = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        sizes.append(round(int(line.split()[1]) / 1024))
        except OSError:
            continue
    return sizes
