"""What each middleware of the site costs a bare view, one added at a time.

    manage.py bench_middleware [--rounds 5] [--requests 2000]

Issue 22 asks that a bare view through the site's middleware serve at least
0.8× the same view through Django's default middleware. This answers it
in-process (a WSGI handler called directly, no network, no server): the floor
view (``demo.bench_views.plain``, no database, no template) is served through

- no middleware at all;
- Django's default stack (what ``startproject`` writes);
- the site's stack, built up one middleware at a time, so each line's
  difference with the one above is what that middleware adds;

interleaved round by round, so a busy machine slows every stack alike. It
prints microseconds per request (the best round), each middleware's own
cost, and the site's stack against Django's. Run with the bench settings
(``make bench-middleware``): the floor view is only mounted there.
"""

import statistics
import sys
import time
from io import BytesIO

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

# What `django-admin startproject` writes (Django 5.2).
DJANGO_DEFAULT = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]


def environ(path, host):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "HTTP_ACCEPT_LANGUAGE": "az",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


class Command(BaseCommand):
    help = "Time a bare view through no middleware, Django's default and the site's, one by one."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--requests", type=int, default=2000)

    def handle(self, *args, rounds, requests, **options):
        try:
            path = reverse("bench_plain")
        except NoReverseMatch:
            raise CommandError(
                "The floor view is not mounted: run with DJANGO_SETTINGS_MODULE="
                "portal.settings.bench (make bench-middleware)."
            ) from None
        site = list(settings.MIDDLEWARE)
        stacks = {"no middleware": [], "Django's default": DJANGO_DEFAULT}
        for count in range(1, len(site) + 1):
            stacks[f"+ {site[count - 1]}"] = site[:count]
        handlers = {}
        for name, stack in stacks.items():
            with override_settings(MIDDLEWARE=stack):
                handlers[name] = WSGIHandler()
        host = (settings.ALLOWED_HOSTS or ["localhost"])[0]
        best = {name: float("inf") for name in stacks}

        def start_response(status, headers, exc_info=None):
            if not status.startswith("200"):
                raise CommandError(f"The floor view answered {status}.")

        for _round in range(rounds):
            for name, handler in handlers.items():
                batch = []
                for _request in range(requests):
                    began = time.perf_counter()
                    response = handler(environ(path, host), start_response)
                    b"".join(response)
                    response.close()
                    batch.append(time.perf_counter() - began)
                best[name] = min(best[name], statistics.median(batch) * 1e6)

        self.stdout.write(f"{'stack':<62} {'µs/request':>11} {'added':>8}")
        previous = best["no middleware"]
        for name in stacks:
            added = best[name] - previous if name.startswith("+ ") else None
            shown = f"{added:8.1f}" if added is not None else ""
            self.stdout.write(f"{name:<62} {best[name]:11.1f} {shown}")
            if name.startswith("+ ") or name == "no middleware":
                previous = best[name]
        ours, theirs = best[f"+ {site[-1]}"], best["Django's default"]
        self.stdout.write(
            f"\nThe site's stack serves {theirs / ours:.2f}× Django's default "
            f"({ours:.1f} against {theirs:.1f} µs per request; target ≥ 0.80×)."
        )
