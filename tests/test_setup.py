"""`make demo` installs and runs only what the site needs, and says so briefly."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dry_run(target):
    """The commands `make <target>` would run on a fresh machine (a venv that does not exist)."""
    result = subprocess.run(
        ["make", "-n", target, "VENV=/nonexistent/venv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_the_demo_installs_the_project_without_the_dev_extra():
    commands = dry_run("demo")
    installs = [line for line in commands.splitlines() if "pip install" in line and " -e " in line]
    assert installs and all("[dev]" not in line for line in installs), installs
    # npm fetches the players only, not the test tools (axe-core is a devDependency).
    assert "--omit=dev" in commands
    # Hundreds of migration lines would bury the demo accounts.
    assert "migrate --noinput -v0" in commands


def test_the_tests_install_the_dev_extra_and_axe():
    commands = dry_run("test")
    assert '-e ".[dev]"' in commands
    assert "npm ci" in commands and "axe-core" in commands and "--omit=dev" not in commands


def dev_only_modules():
    """Top-level modules of the dev extra that the runtime does not also depend on."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {req.split("==")[0].split("[")[0].lower() for req in project["dependencies"]}
    names = {
        "pytest": "pytest",
        "pytest-django": "pytest_django",
        "pytest-xdist": "xdist",
        "factory-boy": "factory",
        "playwright": "playwright",
        "pytest-playwright": "pytest_playwright",
        "pypdf": "pypdf",
        "zxing-cpp": "zxingcpp",
        "polib": "polib",
        "schemathesis": "schemathesis",
        "ruff": "ruff",
        "djhtml": "djhtml",
    }
    dev = {req.split("==")[0].lower() for req in project["optional-dependencies"]["dev"]}
    return sorted(names[name] for name in dev - runtime if name in names)


def test_the_site_starts_and_builds_its_demo_without_any_dev_package(tmp_path):
    """With every dev-only module made unimportable, the demo settings check, migrate and seed."""
    blocked = dev_only_modules()
    assert "pytest" in blocked and "playwright" in blocked
    script = f"""
import sys
BLOCKED = {blocked!r}
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{{name}} is a dev package")
sys.meta_path.insert(0, Block())
for name in list(sys.modules):
    if name.split(".")[0] in BLOCKED:
        del sys.modules[name]
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "check"])
execute_from_command_line(["manage.py", "migrate", "--noinput", "-v0"])
execute_from_command_line(["manage.py", "seed_demo", "--no-users", "--learners", "20"])
"""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        H5P_ROOT=str(tmp_path / "h5p"),
        EXPORTS_ROOT=str(tmp_path / "exports"),
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Demo site ready" in result.stdout
