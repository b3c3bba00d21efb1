"""Install the apps into a new Wagtail site, with only the settings the docs give.

For each combination of apps (``core``: courses and lms; ``activities``: and
h5p and quizzes; ``everything``), in a temporary folder:

1. ``pip install`` this project (its tracked files, as a release would ship
   them) into a fresh virtual environment, once for all combinations;
2. ``wagtail start`` a new site;
3. add the settings and URL patterns that ``docs/installing.md`` gives for the
   combination (the fenced blocks after ``<!-- install-check: NAME settings -->``
   and ``<!-- install-check: NAME urls -->``; each combination adds its blocks
   to those of the ones before it), and nothing else;
4. ``manage.py check`` and ``migrate``, then ``install_journey.py``: an editor
   creates a course with a lesson in the Wagtail admin, a learner enrols,
   completes it and sees the course complete.

A combination that needs anything the docs do not say fails the run.
Usage: ``python scripts/install_check.py [--keep] [combination ...]``
(``make install-check``; CI runs it).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "installing.md"
JOURNEY = Path(__file__).resolve().parent / "install_journey.py"

# Each combination: the docs' blocks it applies, and the activity apps whose
# blocks the lesson editor must then offer.
COMBINATIONS = {
    "core": (["core"], []),
    "activities": (["core", "activities"], ["h5p", "quizzes"]),
    "everything": (["core", "activities", "everything"], ["h5p", "quizzes", "scorm"]),
}
SITE = "schoolsite"


def blocks(text, name, kind):
    """The fenced code block after ``<!-- install-check: NAME KIND -->`` in the docs."""
    pattern = rf"<!-- install-check: {name} {kind} -->\s*```python\n(.*?)```"
    found = re.findall(pattern, text, re.S)
    if len(found) != 1:
        raise SystemExit(f"{DOCS.name}: expected one '{name} {kind}' block, found {len(found)}")
    return found[0]


def run(command, cwd, env=None, what=None):
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-6000:])
        sys.stderr.write(result.stderr[-6000:])
        raise SystemExit(f"install check failed: {what or ' '.join(map(str, command))}")
    print(f"  {what or command[0]}: {time.monotonic() - started:.0f} s", flush=True)
    return result


def tracked_copy(destination):
    """The tracked files (what a release is built from), without the work tree's extras."""
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            target = destination / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def install(workdir):
    venv = workdir / "venv"
    source = workdir / "source"
    tracked_copy(source)
    run([sys.executable, "-m", "venv", str(venv)], workdir, what="virtual environment")
    run(
        [str(venv / "bin" / "pip"), "install", "--quiet", str(source)],
        workdir,
        what="pip install of the project",
    )
    return venv


def check_combination(name, venv, workdir, docs):
    names, activities = COMBINATIONS[name]
    print(f"== {name}: {' + '.join(names)}", flush=True)
    folder = workdir / name
    folder.mkdir()
    run([str(venv / "bin" / "wagtail"), "start", SITE], folder, what="wagtail start")
    site = folder / SITE
    settings = site / SITE / "settings" / "base.py"
    urls = site / SITE / "urls.py"
    settings.write_text(
        settings.read_text()
        + "".join(
            f"\n# From docs/installing.md ({block})\n" + blocks(docs, block, "settings")
            for block in names
        )
    )
    marker = "urlpatterns = urlpatterns + ["
    text = urls.read_text()
    if marker not in text:
        raise SystemExit("wagtail start's urls.py has changed: no catch-all to insert before")
    added = "".join(
        f"# From docs/installing.md ({block})\n" + blocks(docs, block, "urls") for block in names
    )
    urls.write_text(text.replace(marker, added + "\n" + marker))

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": f"{SITE}.settings.dev",
        "INSTALL_CHECK_ACTIVITIES": ",".join(activities),
        "PYTHONPATH": str(site),
    }
    env.pop("DATABASE_URL", None)
    python = str(venv / "bin" / "python")
    run([python, "manage.py", "check", "--fail-level", "ERROR"], site, env, "manage.py check")
    run([python, "manage.py", "migrate", "--noinput"], site, env, "manage.py migrate")
    result = run([python, str(JOURNEY)], site, env, "the editor's and learner's journey")
    print("  " + result.stdout.strip(), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("combinations", nargs="*", help=f"any of {', '.join(COMBINATIONS)}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()
    unknown = set(options.combinations) - set(COMBINATIONS)
    if unknown:
        parser.error(f"unknown combinations: {', '.join(sorted(unknown))}")
    docs = DOCS.read_text()
    workdir = Path(tempfile.mkdtemp(prefix="install-check-"))
    print(f"Install check in {workdir}", flush=True)
    try:
        venv = install(workdir)
        for name in options.combinations or COMBINATIONS:
            check_combination(name, venv, workdir, docs)
    finally:
        if options.keep:
            print(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print("Install check passed.")


if __name__ == "__main__":
    main()
