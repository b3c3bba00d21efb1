"""Serve the site with gunicorn and measure it with wrk, beside its floors, in one run.

    DJANGO_SETTINGS_MODULE=portal.settings.bench manage.py bench_http [--duration 10]

(``make bench`` builds the data set and runs this on SQLite, then on
PostgreSQL.) For every scenario it prints requests per second, p50 and p99
latency, database queries per request and the ratio to the floors measured in
the same run: a plain Wagtail page (a title and about 2 KB of rich text), a
bare Django view and a bare JSON POST view. Scenarios and floors are
interleaved round by round, so a busy machine slows both alike. The figures
go to ``--output`` as JSON as well.

With ``--peer`` the same rounds measure the peer, wagtail-lms (``demo/peer.py``,
built once under ``var/peer/``, served by its own gunicorn, measured strictly
in turn with this site): its H5P lesson page, course page and xAPI statement
post and a stock Wagtail page, and a second table sets ours beside theirs.
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
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from wagtail.models import Site

from courses.models import CatalogueIndexPage, CoursePage, LessonPage
from demo import peer
from lms.agents import LEARNER_ADDRESS
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
    # A scenario of several requests: (method, path, body, user) tried in turn, a Lua
    # ``request`` function for wrk, and its own number of connections.
    steps: list | None = None
    lua: list | None = None
    connections: int | None = None
    # Called before each run of the scenario: puts back what an earlier run left.
    reset: Callable[[], None] | None = None
    # The statement id in ``body`` that each request replaces with a fresh one.
    statement_id: str | None = None
    # The server that answers it: this site ("ours") or wagtail-lms ("peer").
    site: str = "ours"


class Command(BaseCommand):
    help = "Benchmark the site's hot paths with gunicorn and wrk, beside their floors."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
        parser.add_argument("--connections", type=int, default=10)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--rounds", type=int, default=1)
        parser.add_argument(
            "--warmup", type=int, default=2, help="seconds of load per scenario before measuring"
        )
        parser.add_argument("--output", default=None)
        parser.add_argument("--only", nargs="*", default=None, help="scenario names to run")
        parser.add_argument(
            "--learners", type=int, default=500, help="learners in the 'at work' scenario"
        )
        parser.add_argument(
            "--learner-connections",
            type=int,
            default=50,
            help="connections (learners at the same instant) in the 'at work' scenario",
        )
        parser.add_argument(
            "--peer",
            action="store_true",
            help=f"measure wagtail-lms {peer.VERSION} in the same rounds (built under var/peer/)",
        )

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
        self.session_names = {"ours": settings.SESSION_COOKIE_NAME}

        ports = {"ours": free_port()}
        servers = {"ours": self.start_server(ports["ours"])}
        try:
            if options["peer"]:
                scenarios += self.peer_scenarios(ports, servers)
            # Every worker imports, compiles templates and fills its caches on its first
            # requests: served before measuring, so that the first scenario measured (a
            # floor) does not pay for them. Scripted scenarios keep state between their
            # requests and are left out.
            for scenario in scenarios:
                if self.options["warmup"] and not scenario.lua:
                    self.run_wrk(ports[scenario.site], scenario, duration=self.options["warmup"])
            for round_number in range(options["rounds"]):
                for scenario in scenarios:
                    figures = self.run_wrk(ports[scenario.site], scenario)
                    self.stdout.write(
                        f"round {round_number + 1}: {scenario.name}: "
                        f"{figures['rps']:.0f} req/s, p50 {figures['p50_ms']:.1f} ms"
                    )
                    best = scenario.results.get("rps", 0)
                    if figures["rps"] > best:
                        scenario.results.update(figures)
            rss = {site: worker_rss_mb(server.pid) for site, server in servers.items()}
        finally:
            for server in servers.values():
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
        ]
        h5p_lesson = self.h5p_lesson(learner)
        if h5p_lesson is not None:
            scenarios.append(Scenario("H5P lesson page (signed in)", h5p_lesson.url))
        scenarios += [
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
            body = statement(learner, lesson)
            scenarios.append(
                Scenario(
                    "xAPI statement post",
                    xapi,
                    method="POST",
                    body=body,
                    floor="post",
                    statement_id=body["id"],
                )
            )
        if h5p_lesson is not None and apps.is_installed("h5p"):
            scenarios.append(self.h5p_statement_post(learner, h5p_lesson))
        scenarios += [
            Scenario(
                "district report",
                reverse("lms_reports:by_district_results"),
                user="admin",
            ),
            Scenario("targets dashboard", reverse("lms_reports:targets"), user="admin"),
            Scenario("catalogue search", reverse("library:catalogue") + "?q=braille"),
        ]
        scenarios += [s for s in (self.learners_at_work(), self.desk_checkout()) if s]
        if cohort:
            scenarios.insert(
                -4,
                Scenario(
                    "cohort report",
                    reverse("lms_reports:cohort_grid", args=[cohort.pk]),
                    user="admin",
                ),
            )
        return scenarios

    def h5p_lesson(self, learner):
        """A live lesson with an H5P block (the demo's practice lesson), the learner enrolled.

        The scale courses' lessons are reading only; the demo course has the
        H5P lesson, whose block reads the activity and the learner's attempts.
        """
        from lms import services

        for lesson in LessonPage.objects.live().order_by("pk").iterator(chunk_size=50):
            if lesson.body.first_block_by_name("h5p") and lesson.course is not None:
                services.enrol(learner, lesson.course, method=Enrolment.Method.TRAINER)
                return lesson
        return None

    def h5p_statement_post(self, learner, lesson):
        """The H5P player's post of an answered question, the counterpart of the peer's.

        As the lesson's player sends it: a batch of one statement, with the
        attempt token the player page was opened with.
        """
        from h5p.views import ATTEMPT
        from lms import content

        activity = lesson.body.first_block_by_name("h5p").value["activity"]
        statement_id = str(uuid.uuid4())
        actor = {"objectType": "Agent", "mbox": LEARNER_ADDRESS.format(pk=learner.pk)}
        object_id = f"{settings.WAGTAILADMIN_BASE_URL}/content/h5p/{activity.pk}"
        attempt = content.sign_timed(
            ATTEMPT, u=learner.pk, l=str(lesson.lesson_uuid), a=activity.pk
        )
        return Scenario(
            "H5P statement post",
            reverse("h5p:statements", args=[lesson.lesson_uuid, activity.pk]),
            method="POST",
            body={
                "statements": [peer.answered_statement(actor, object_id, statement_id)],
                "attempt": attempt,
            },
            floor="post",
            statement_id=statement_id,
        )

    def peer_scenarios(self, ports, servers):
        """The peer's scenarios, its server started in ``servers``; none if it cannot be built.

        Its queries were counted in its own process (``demo/peer_site.py``).
        """
        h5p_dir = os.environ.get("DEMO_H5P_DIR", settings.BASE_DIR.parent / "shared" / "h5p")
        try:
            site = peer.build(settings.BASE_DIR / "var" / "peer", h5p_dir, log=self.stdout.write)
            ports["peer"] = free_port()
            actor = {
                "objectType": "Agent",
                "name": "Peer learner",
                "mbox": "mailto:peer@example.org",
            }
            prepared = peer.prepare(
                site, f"127.0.0.1:{ports['peer']}", peer.answered_statement(actor, "")
            )
            servers["peer"] = self.start_server(
                ports["peer"],
                command=site.server_command(ports["peer"], self.options["workers"]),
                cwd=site.site,
                env=site.environment(),
                probe="/",
            )
        except (peer.PeerUnavailable, CommandError) as error:
            self.stderr.write(
                f"The peer (wagtail-lms {peer.VERSION}) is left out: "
                f"{str(error).rstrip('.')}. Measuring this site alone."
            )
            ports.pop("peer", None)
            return []
        self.cookies["peer"] = prepared["session"]
        self.session_names["peer"] = prepared["session_cookie"]
        paths, queries = prepared["paths"], prepared["queries"]
        scenarios = [
            Scenario(peer.STOCK, paths["stock"], user="anonymous"),
            Scenario("peer: course page (signed in)", paths["course"], user="peer"),
            Scenario("peer: H5P lesson page (signed in)", paths["lesson"], user="peer"),
            Scenario(
                "peer: xAPI statement post",
                paths["xapi"],
                method="POST",
                body=prepared["statement"],
                user="peer",
                floor="post",
            ),
        ]
        for scenario, key in zip(scenarios, ("stock", "course", "lesson", "xapi"), strict=True):
            scenario.site = "peer"
            scenario.results["queries"] = queries.get(key)
        return scenarios

    def learners_at_work(self):
        """Many learners at once, each opening a lesson of their course and reporting progress."""
        User = get_user_model()
        count = self.options["learners"]
        learners = list(
            User.objects.filter(username__startswith="scale-learner-").order_by("pk")[:count]
        )
        if len(learners) < 2:
            return None
        first_enrolment = {}
        for learner_id, course_id in (
            Enrolment.objects.filter(learner__in=learners)
            .order_by("learner_id", "pk")
            .values_list("learner_id", "course_id")
        ):
            first_enrolment.setdefault(learner_id, course_id)
        lessons_by_course = {}
        for course in CoursePage.objects.filter(pk__in=set(first_enrolment.values())):
            lessons_by_course[course.pk] = [
                (lesson.url, str(lesson.lesson_uuid))
                for lesson in LessonPage.objects.live().descendant_of(course).order_by("path")[:10]
            ]
        entries = []
        for n, learner in enumerate(learners):
            lessons = lessons_by_course.get(first_enrolment.get(learner.pk), [])
            if lessons:
                url, lesson_uuid = lessons[n % len(lessons)]
                progress = reverse("courses:progress", args=[lesson_uuid])
                entries.append((self.session_cookie(learner, fast=True), url, progress))
        if not entries:
            return None
        body = json.dumps({"verb": "progressed", "progress_delta": 0.0001, "time_spent": 1})
        table = ",\n".join(
            f"{{{json.dumps(c)}, {json.dumps(u)}, {json.dumps(p)}}}" for c, u, p in entries
        )
        lua = [
            f"local learners = {{\n{table}\n}}",
            "local counter = 0",
            "request = function()",
            "  counter = counter + 1",
            "  local who = learners[math.floor(counter / 2) % #learners + 1]",
            '  local cookie = session .. "=" .. who[1] .. "; csrftoken=" .. csrf',
            "  if counter % 2 == 0 then",
            '    return wrk.format("GET", who[2], {["Cookie"] = cookie})',
            "  end",
            '  return wrk.format("POST", who[3], {["Cookie"] = cookie, ["X-CSRFToken"] = csrf,',
            f'    ["Content-Type"] = "application/json"}}, {json.dumps(body)})',
            "end",
        ]
        cookie, url, progress = entries[0]
        return Scenario(
            f"{len(entries)} learners at work",
            url,
            user="learner",
            steps=[("GET", url, None, "learner"), ("POST", progress, json.loads(body), "learner")],
            lua=lua,
            connections=self.options["learner_connections"],
        )

    def desk_checkout(self):
        """A desk lending and taking back copies by barcode through the API, as scanners do."""
        from library.models import Centre, Copy, Patron

        centre = Centre.objects.order_by("pk").first()
        if centre is None:
            return None
        barcodes = list(
            Copy.objects.filter(
                current_centre=centre, home_centre=centre, status=Copy.Status.AVAILABLE
            )
            .order_by("pk")
            .values_list("barcode", flat=True)[:200]
        )
        if len(barcodes) < 4:
            return None
        cards = []
        for n in (1, 2):
            patron, _created = Patron.objects.get_or_create(
                card_number=f"BENCH-{n}",
                defaults={"name": f"Bench patron {n}", "home_centre": centre},
            )
            cards.append(patron.card_number)
        half = len(barcodes) // 2
        pools = [barcodes[:half], barcodes[half:]]
        loans = reverse("api:loan-list")
        checkin = reverse("api:loan-checkin")
        lua = [
            "local pools = "
            + "{"
            + ",".join("{" + ",".join(json.dumps(b) for b in pool) + "}" for pool in pools)
            + "}",
            "local cards = {" + ",".join(json.dumps(c) for c in cards) + "}",
            "local threads = 0",
            "setup = function(thread) thread:set('tid', threads); threads = threads + 1 end",
            "local counter = 0",
            "request = function()",
            "  counter = counter + 1",
            "  local pool = pools[(tid or 0) % 2 + 1]",
            "  local barcode = pool[math.floor((counter - 1) / 2) % #pool + 1]",
            '  local headers = {["Cookie"] = session .. "=" .. admin .. "; csrftoken=" .. csrf,',
            '    ["X-CSRFToken"] = csrf, ["Content-Type"] = "application/json"}',
            "  if counter % 2 == 1 then",
            f'    return wrk.format("POST", "{loans}", headers, string.format(',
            f'      \'{{"centre": "{centre.code}", "card_number": "%s", "barcode": "%s"}}\',',
            "      cards[(tid or 0) % 2 + 1], barcode))",
            "  end",
            f'  return wrk.format("POST", "{checkin}", headers, string.format(',
            f'    \'{{"centre": "{centre.code}", "barcode": "%s"}}\', barcode))',
            "end",
        ]
        first = pools[0][-1]
        admin = self.users["admin"]

        def take_back_copies_still_out():
            # A run may stop between a checkout and its return; the next run starts
            # by lending the same copy, so it must be back first.
            from library import services
            from library.models import Loan

            for loan in Loan.objects.filter(
                copy__barcode__in=barcodes, returned_at__isnull=True
            ).select_related("copy"):
                services.checkin(admin, centre, loan.copy.barcode)

        return Scenario(
            "desk checkout and return",
            loans,
            method="POST",
            user="admin",
            floor="post",
            steps=[
                (
                    "POST",
                    loans,
                    {"centre": centre.code, "card_number": cards[0], "barcode": first},
                    "admin",
                ),
                ("POST", checkin, {"centre": centre.code, "barcode": first}, "admin"),
            ],
            lua=lua,
            # One connection per wrk thread: each checkout is answered before its return.
            connections=2,
            reset=take_back_copies_still_out,
        )

    def plain_page(self):
        home = HomePage.objects.live().first() or Site.objects.get(is_default_site=True).root_page
        page = GuidancePage.objects.filter(slug="bench-plain").first()
        if page is None:
            page = GuidancePage(title="A plain page", slug="bench-plain", body=[])
            page.body = [("paragraph", PLAIN_TEXT)]
            home.add_child(instance=page)
            page.save_revision().publish()
        return page

    def session_cookie(self, user, fast=False):
        if fast:  # a signed-in session without a request, for hundreds of learners
            from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
            from django.utils.module_loading import import_string

            store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            return store.session_key
        client = Client()
        client.force_login(user)
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    def count_queries(self, scenario):
        """Queries one request costs, measured in-process after a warm-up request.

        For a scenario of several steps: the mean over one round of its steps.
        """
        if scenario.steps:
            client = Client(enforce_csrf_checks=False)
            client.force_login(self.users[scenario.steps[0][3]])

            def run_steps():
                for method, path, body, _user in scenario.steps:
                    if method == "POST":
                        response = client.post(
                            path, json.dumps(body), content_type="application/json"
                        )
                    else:
                        response = client.get(path)
                    if response.status_code >= 400:
                        raise CommandError(
                            f"{scenario.name}: {path} answered {response.status_code}"
                        )

            run_steps()
            with CaptureQueriesContext(connection) as captured:
                run_steps()
            return round(len(captured) / len(scenario.steps))
        client = Client(enforce_csrf_checks=False)
        if scenario.user != "anonymous":
            client.force_login(self.users[scenario.user])

        def request():
            if scenario.method == "POST":
                body = json.dumps(scenario.body)
                if scenario.statement_id:  # a new statement each time, as in the load run
                    body = body.replace(scenario.statement_id, str(uuid.uuid4()))
                return client.post(scenario.path, body, content_type="application/json")
            return client.get(scenario.path)

        warm = request()
        if warm.status_code >= 400:
            raise CommandError(f"{scenario.name}: {scenario.path} answered {warm.status_code}")
        with CaptureQueriesContext(connection) as captured:
            request()
        return len(captured)

    # -- load ---------------------------------------------------------------

    def start_server(self, port, command=None, cwd=None, env=None, probe="/bench/floor/plain/"):
        """This site's gunicorn, or the one ``command`` starts; returned once ``probe`` answers."""
        if command is None:
            env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.bench"}
            cwd = settings.BASE_DIR
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
        server = subprocess.Popen(command, env=env, cwd=cwd)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=2)
                return server
            except OSError:
                time.sleep(0.3)
        server.terminate()
        raise CommandError("gunicorn did not start within a minute.")

    def run_wrk(self, port, scenario, duration=None):
        if scenario.reset is not None:
            scenario.reset()
        csrf = get_random_string(32)
        headers = {"Host": "127.0.0.1"}
        cookies = [f"csrftoken={csrf}"]
        if scenario.user != "anonymous":
            cookies.append(f"{self.session_names[scenario.site]}={self.cookies[scenario.user]}")
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
        if scenario.lua:
            admin = self.cookies.get("admin", "")
            lines = [
                f'local csrf = "{csrf}"',
                f'local admin = "{admin}"',
                f'local session = "{settings.SESSION_COOKIE_NAME}"',
                *scenario.lua,
            ]
        elif scenario.statement_id:
            # A fresh statement id per request, so every post stores a statement. Each
            # wrk thread has its own Lua state (and random sequence): the thread number
            # and the run's start keep the ids of threads and runs apart.
            lines += [
                "local threads = 0",
                "setup = function(thread) thread:set('tid', threads); threads = threads + 1 end",
                "local counter = 0",
                f"local run = {int(time.time())}",
                "request = function()",
                "  counter = counter + 1",
                f"  local body = {json.dumps(json.dumps(scenario.body))}",
                "  local id = string.format('%08x-%04x-4000-8000-%012x',",
                "    run % 4294967296, (tid or 0) % 65536, counter)",
                # A Lua pattern: the id's hyphens must be escaped to match literally.
                f'  body = string.gsub(body, "{scenario.statement_id.replace("-", "%-")}", id)',
                "  return wrk.format(nil, nil, nil, body)",
                "end",
            ]
        lines += [
            "done = function(summary, latency, requests)",
            '  io.write(string.format("p95_us %d\\n", latency:percentile(95.0)))',
            "end",
        ]
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write("\n".join(lines) + "\n")
        try:
            output = subprocess.run(
                [
                    self.wrk,
                    "-t2",
                    f"-c{scenario.connections or self.options['connections']}",
                    f"-d{duration or self.options['duration']}s",
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
            f"{'scenario':34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
            f"{'queries':>8} {'errors':>7} {'× floor':>8} {'× bare':>7}"
        )
        self.stdout.write("")
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for s in scenarios:
            r = s.results
            for key in ("rps", "p50_ms", "p95_ms", "p99_ms"):
                r.setdefault(key, 0.0)
            r.setdefault("errors", 0)
            floor = post_floor if s.floor == "post" else page_floor
            r["ratio_floor"] = r["rps"] / floor
            r["ratio_bare"] = r["rps"] / (post_floor if s.floor == "post" else view_floor)
            queries = "–" if r["queries"] is None else r["queries"]
            self.stdout.write(
                f"{s.name:34} {r['rps']:8.0f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
                f"{r['p99_ms']:8.1f} {queries:>8} {r['errors']:7d} "
                f"{r['ratio_floor']:8.2f} {r['ratio_bare']:7.2f}"
            )
        self.stdout.write(f"\nGunicorn worker RSS after the run: {rss['ours']} MB")
        result = {
            "date": timezone.now().isoformat(timespec="seconds"),
            "database": connection.vendor,
            "workers": self.options["workers"],
            "connections": self.options["connections"],
            "duration_s": self.options["duration"],
            "cpus": os.cpu_count(),
            "worker_rss_mb": rss["ours"],
            "scenarios": [{"name": s.name, "path": s.path, **s.results} for s in scenarios],
        }
        if "peer" in rss:
            rows = peer.comparison({s.name: s.results for s in scenarios})
            self.stdout.write(f"The peer's workers: {rss['peer']} MB\n")
            for line in peer.comparison_lines(rows):
                self.stdout.write(line)
            result["peer"] = {
                "package": f"wagtail-lms=={peer.VERSION}",
                "requirements": peer.requirements(),
                "database": "sqlite",
                "worker_rss_mb": rss["peer"],
                "comparison": rows,
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
        # The API refuses a statement about anyone but the learner who sends it.
        "actor": {"objectType": "Agent", "mbox": LEARNER_ADDRESS.format(pk=learner.pk)},
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
    p95 = re.search(r"^p95_us (\d+)", output, re.M)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency(50),
        "p95_ms": int(p95.group(1)) / 1000 if p95 else float("nan"),
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
