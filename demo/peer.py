"""The peer for ``bench_http --peer``: wagtail-lms in a site of its own, and the comparison.

    from demo import peer
    site = peer.build(BASE_DIR / "var" / "peer", h5p_dir, log=print)  # once, then cached
    prepared = peer.prepare(site, "127.0.0.1:8001", peer.answered_statement(...))

wagtail-lms (PyPI ``wagtail-lms``) is the other Wagtail LMS with H5P lessons
and xAPI. Its figures mean something beside ours only when both are measured
in one run, on one machine, against one stock Wagtail page. So the harness
builds it as its README says a site installs it: its own virtual environment
(the same Django, Wagtail and gunicorn as this project, so that the
comparison is of the apps, not of framework releases), a site made by that
environment's ``wagtail start`` with ``wagtail_lms`` added to
``INSTALLED_APPS`` and its URLs mounted at ``lms/``, SQLite, production
settings (no debug), migrated and with static files collected. The peer's
side of the work runs in its own Python (``demo/peer_site.py``); this module
only starts processes and reads their answers.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

VERSION = "0.11.1"
PROJECT = "peersite"
SETTINGS = f"{PROJECT}.settings.production"
SCRIPT = Path(__file__).with_name("peer_site.py")
# Set in the environment of ours (bench settings, database, venv) and wrong for the peer's.
FOREIGN_ENVIRONMENT = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "VIRTUAL_ENV", "PYTHONPATH")

# The scenarios compared: (what a reader calls it, our scenario, the peer's scenario).
STOCK = "peer: stock Wagtail page"
PAIRS = [
    ("H5P statement post", "H5P statement post", "peer: xAPI statement post"),
    ("course page (signed in)", "course page", "peer: course page (signed in)"),
    (
        "H5P lesson page (signed in)",
        "H5P lesson page (signed in)",
        "peer: H5P lesson page (signed in)",
    ),
]

# A deployment's own settings, read last by the production settings of ``wagtail start``.
LOCAL_SETTINGS = """\
# Written by bench_http --peer: the peer's deployment settings.
from .base import DATABASES

SECRET_KEY = "peer-bench-only-key-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# Production keeps connections open, as this project's bench settings do.
DATABASES["default"]["CONN_MAX_AGE"] = 600
"""


class PeerUnavailable(Exception):
    """The peer could not be built or prepared; the message says which step and why."""


@dataclass
class PeerSite:
    root: Path

    @property
    def venv(self):
        return self.root / "venv"

    @property
    def site(self):
        return self.root / "site"

    @property
    def python(self):
        return self.venv / "bin" / "python"

    def environment(self):
        env = {k: v for k, v in os.environ.items() if k not in FOREIGN_ENVIRONMENT}
        # The site's folder on the path: demo/peer_site.py runs from this project's folder.
        return {**env, "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONPATH": str(self.site)}

    def server_command(self, port, workers):
        """The peer's gunicorn, from its own environment, as this project's is started."""
        return [
            str(self.venv / "bin" / "gunicorn"),
            f"{PROJECT}.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
            # Its own: this project's server, started beside it, keeps the default one.
            "--control-socket",
            str(self.root / "gunicorn.ctl"),
        ]


def requirements():
    """wagtail-lms at the compared release, with this project's Django, Wagtail and gunicorn."""
    pins = [f"wagtail-lms=={VERSION}"]
    for name in ("Django", "wagtail", "gunicorn"):
        try:
            pins.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            pins.append(name)
    return pins


def add_app(base_settings):
    """``base.py`` of a ``wagtail start`` site with ``wagtail_lms`` in ``INSTALLED_APPS``."""
    anchor = 'INSTALLED_APPS = [\n    "home",\n'
    if anchor not in base_settings:
        raise PeerUnavailable("the new site's settings have no INSTALLED_APPS list to add to")
    return base_settings.replace(anchor, anchor + '    "wagtail_lms",\n', 1)


def mount_urls(urls):
    """``urls.py`` of a ``wagtail start`` site with wagtail-lms mounted at ``lms/``.

    Before Wagtail's catch-all, as its README's ``path("lms/", include(...))`` needs.
    """
    anchor = "urlpatterns = [\n"
    if anchor not in urls:
        raise PeerUnavailable("the new site's urls.py has no urlpatterns list to add to")
    return urls.replace(anchor, anchor + '    path("lms/", include("wagtail_lms.urls")),\n', 1)


def build(root, h5p_dir, log):
    """The peer, built once under ``root``; kept while its requirements stay the same.

    Raises :class:`PeerUnavailable` if a step fails (no index, no network, no
    packages to seed it with).
    """
    peer = PeerSite(Path(root))
    stamp = peer.root / "built"
    wanted = "\n".join(requirements())
    if stamp.exists() and stamp.read_text() == wanted:
        return peer
    if not (Path(h5p_dir) / "H5P.MultiChoice.h5p").is_file():
        raise PeerUnavailable(f"no H5P packages at {h5p_dir} to seed it with")
    shutil.rmtree(peer.root, ignore_errors=True)
    peer.site.mkdir(parents=True)
    log(f"Building the peer (wagtail-lms {VERSION}) in {peer.root}...")
    _run("create its virtual environment", [sys.executable, "-m", "venv", str(peer.venv)])
    _run(
        "install " + " ".join(requirements()),
        [str(peer.python), "-m", "pip", "install", "--quiet", *requirements()],
    )
    _run(
        "make its site with wagtail start",
        [str(peer.venv / "bin" / "wagtail"), "start", PROJECT, str(peer.site)],
    )
    settings_dir = peer.site / PROJECT / "settings"
    base = settings_dir / "base.py"
    base.write_text(add_app(base.read_text()))
    urls = peer.site / PROJECT / "urls.py"
    urls.write_text(mount_urls(urls.read_text()))
    (settings_dir / "local.py").write_text(LOCAL_SETTINGS)
    manage = [str(peer.python), "manage.py"]
    _run("migrate it", [*manage, "migrate", "--noinput", "-v0"], peer)
    _run("collect its static files", [*manage, "collectstatic", "--noinput", "-v0"], peer)
    _run("seed it", [str(peer.python), str(SCRIPT), "seed", str(h5p_dir)], peer)
    stamp.write_text(wanted)
    return peer


def prepare(peer, host, statement):
    """Sign the peer's learner in and count its queries, in the peer's process.

    ``statement`` is the xAPI statement its player would send (its object's id
    is set to the peer's activity IRI there). Returns the JSON that
    ``demo/peer_site.py prepare`` prints.
    """
    output = _run(
        "sign its learner in",
        [str(peer.python), str(SCRIPT), "prepare", host],
        peer,
        stdin=json.dumps(statement),
    )
    try:
        return json.loads(output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise PeerUnavailable(f"its learner could not be signed in: {output[-300:]}") from None


def _run(step, command, peer=None, stdin=None):
    try:
        done = subprocess.run(
            command,
            cwd=peer.site if peer else None,
            env=peer.environment() if peer else None,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=900,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PeerUnavailable(f"could not {step}: {error}") from None
    if done.returncode:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise PeerUnavailable(f"could not {step}: " + " / ".join(tail))
    return done.stdout


def answered_statement(actor, object_id, statement_id=None):
    """An "answered" statement as H5P's multiple-choice question sends it, with its score."""
    statement = {
        "actor": actor,
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/answered",
            "display": {"en-US": "answered"},
        },
        "object": {
            "id": object_id,
            "objectType": "Activity",
            "definition": {
                "name": {"en-US": "Quick check: multiple choice"},
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "interactionType": "choice",
                "correctResponsesPattern": ["1"],
                "choices": [
                    {"id": "0", "description": {"en-US": "Only in special schools\n"}},
                    {"id": "1", "description": {"en-US": "In regular classrooms\n"}},
                ],
            },
        },
        "context": {
            "contextActivities": {
                "category": [
                    {
                        "id": "http://h5p.org/libraries/H5P.MultiChoice-1.16",
                        "objectType": "Activity",
                    }
                ]
            }
        },
        "result": {
            "score": {"min": 0, "max": 1, "raw": 1, "scaled": 1},
            "completion": True,
            "success": True,
            "duration": "PT4.2S",
            "response": "1",
        },
    }
    if statement_id:
        statement = {"id": statement_id, **statement}
    return statement


def comparison(results):
    """Our scenarios beside the peer's, each also as a ratio to the stock Wagtail page.

    ``results`` maps a scenario's name to its figures (``rps``, ``p50_ms``,
    ``queries``; queries may be None, not counted). A pair is left out when
    either side was not measured.
    """
    stock = results.get(STOCK, {}).get("rps") or 0
    rows = []
    for label, ours_name, peer_name in PAIRS:
        ours, theirs = results.get(ours_name), results.get(peer_name)
        if not ours or not theirs:
            continue
        row = {"scenario": label, "stock_rps": stock}
        for side, figures in (("ours", ours), ("peer", theirs)):
            row[f"{side}_rps"] = figures.get("rps", 0.0)
            row[f"{side}_p50_ms"] = figures.get("p50_ms", 0.0)
            row[f"{side}_queries"] = figures.get("queries")
            row[f"{side}_x_stock"] = row[f"{side}_rps"] / stock if stock else None
        row["ours_x_peer"] = row["ours_rps"] / row["peer_rps"] if row["peer_rps"] else None
        rows.append(row)
    return rows


def comparison_lines(rows):
    """The comparison as text lines for the terminal."""

    def ratio(value):
        return f"{value:.2f}" if value is not None else "–"

    def queries(value):
        return str(value) if value is not None else "–"

    header = (
        f"{'ours against wagtail-lms ' + VERSION:32} {'ours/s':>7} {'p50':>6} {'q':>3} "
        f"{'×stock':>6}  {'peer/s':>7} {'p50':>6} {'q':>3} {'×stock':>6}  {'ours÷peer':>9}"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(
            f"{r['scenario']:32} {r['ours_rps']:7.0f} {r['ours_p50_ms']:6.1f} "
            f"{queries(r['ours_queries']):>3} {ratio(r['ours_x_stock']):>6}  "
            f"{r['peer_rps']:7.0f} {r['peer_p50_ms']:6.1f} {queries(r['peer_queries']):>3} "
            f"{ratio(r['peer_x_stock']):>6}  {ratio(r['ours_x_peer']):>9}"
        )
    if rows:
        lines.append(
            f"stock Wagtail page (a new `wagtail start` site's home page, served by the "
            f"peer's gunicorn): {rows[0]['stock_rps']:.0f} req/s"
        )
    return lines
