"""The production stack for real: a throwaway PostgreSQL, Redis, two gunicorn servers.

Nothing here touches the machine's shared PostgreSQL: the cluster is made
with ``initdb`` in a temporary directory, on a free port, and removed at the
end. Redis is the machine's, on its own database number (``STACK_REDIS_URL``,
default DB 5). Without PostgreSQL's server programs or Redis the tests skip,
saying why; under CI (``CI`` set) they fail instead, so CI cannot pass
without running them.
"""

import contextlib
import glob
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REDIS_URL = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/5")

pytestmark = pytest.mark.stack


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the stack tests, but {reason}")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    """A PostgreSQL cluster of our own; ``restart()`` is the fault the tests inject."""

    def __init__(self, bindir, base, port):
        self.bindir, self.base, self.port = bindir, base, port
        self.data = base / "data"
        self.log = base / "postgres.log"

    def run(self, *args, check=True):
        command = [str(self.bindir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def init(self):
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-locale",
            "-E",
            "UTF8",
        )

    def start(self):
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c max_connections=60"
        )
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start")

    def restart(self):
        # -l again: without it the new server would log to our pipe and keep it open.
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-m", "fast", "-w", "restart")

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def sql(self, query, database="ttp_stack"):
        """Rows of ``query`` (None for a statement), on a connection of its own."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(query)
            return cursor.fetchall() if cursor.description else None


@pytest.fixture(scope="session")
def cluster():
    bindir = pg_bin()
    if bindir is None:
        unavailable("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as error:
        unavailable(f"Redis does not answer at {REDIS_URL} ({error})")
    base = Path(tempfile.mkdtemp(prefix="ttp-stack-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    cluster = Cluster(bindir, base, free_port())
    cluster.init()
    cluster.start()
    cluster.run(
        "createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "ttp_stack"
    )
    yield cluster
    cluster.stop()
    shutil.rmtree(base, ignore_errors=True)


class Stack:
    """The application as production runs it, on the throwaway cluster."""

    def __init__(self, cluster, work):
        self.cluster = cluster
        self.work = work
        self.media = work / "media"
        self.h5p = work / "h5p"
        self.exports = work / "exports"
        self.mail = work / "mail"
        self.servers = []
        self.processes = []
        self.env = {
            "PATH": f"{cluster.bindir}:{os.environ['PATH']}",
            "HOME": str(work),
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": cluster.url("ttp_stack"),
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": f"ttp-stack-{os.getpid()}",
            "WAGTAILADMIN_BASE_URL": "https://learn.example.az",
            "MEDIA_ROOT": str(self.media),
            "H5P_ROOT": str(self.h5p),
            "EXPORTS_ROOT": str(self.exports),
            "STATIC_ROOT": str(work / "static"),
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail),
            "TRUSTED_PROXY_COUNT": "0",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "2",
            "GUNICORN_TIMEOUT": "20",
            "GUNICORN_ACCESS_LOG": str(work / "access.log"),
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args, check=True, timeout=300):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode:
            raise AssertionError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result

    def start_server(self):
        port = free_port()
        log = open(self.work / f"gunicorn-{port}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [GUNICORN, "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        server = f"http://127.0.0.1:{port}"
        self.wait_healthy(server, within=30)
        self.servers.append(server)
        return server

    def wait_healthy(self, server, within):
        """Seconds until ``server``'s health check passes; fails after ``within``."""
        started = time.monotonic()
        while time.monotonic() - started < within:
            with contextlib.suppress(requests.RequestException):
                response = requests.get(
                    f"{server}/healthz/", headers=Browser.PROXY_HEADERS, timeout=2
                )
                if response.status_code == 200:
                    return time.monotonic() - started
            time.sleep(0.2)
        raise AssertionError(f"{server} not healthy within {within} s")

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def stack(cluster):
    work = Path(tempfile.mkdtemp(prefix="ttp-stack-"))
    stack = Stack(cluster, work)
    stack.manage("migrate", "--noinput")
    stack.manage("collectstatic", "--noinput")
    stack.seed = json.loads(
        stack.manage("shell", "-c", "from tests.production.stack.seed import seed; seed()")
        .stdout.strip()
        .splitlines()[-1]
    )
    stack.start_server()
    stack.start_server()
    yield stack
    stack.stop()
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{stack.env['CACHE_KEY_PREFIX']}:*"):
        client.delete(key)
    shutil.rmtree(work, ignore_errors=True)


class Browser:
    """A learner's browser behind the front server (which terminates TLS).

    Cookies are kept by hand: they are ``Secure``, and the front server's
    ``X-Forwarded-Proto: https`` is what makes the plain-HTTP hop secure.
    """

    PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

    def __init__(self):
        self.cookies = {}

    def request(self, method, server, path, *, headers=None, timeout=10, **kwargs):
        origin = "https://" + server.split("://", 1)[1]
        all_headers = {**self.PROXY_HEADERS, "Origin": origin, "Referer": origin + "/"}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST" and "csrftoken" in self.cookies:
            all_headers["X-CSRFToken"] = self.cookies["csrftoken"]
        all_headers.update(headers or {})
        response = requests.request(
            method,
            server + path,
            headers=all_headers,
            allow_redirects=False,
            timeout=timeout,
            **kwargs,
        )
        for cookie in response.cookies:
            if cookie.value == "" or (cookie.expires is not None and cookie.expires < time.time()):
                self.cookies.pop(cookie.name, None)
            else:
                self.cookies[cookie.name] = cookie.value
        return response

    def get(self, server, path, **kwargs):
        return self.request("GET", server, path, **kwargs)

    def post(self, server, path, **kwargs):
        return self.request("POST", server, path, **kwargs)

    def sign_in(self, server, username, password):
        self.get(server, "/accounts/login/")
        response = self.post(
            server,
            "/accounts/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        assert response.status_code == 302, response.text[:500]
        return response
