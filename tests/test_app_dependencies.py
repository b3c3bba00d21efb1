"""Imports point from the site down to the apps, never back up.

``pages`` (the site's own pages and views), ``portal`` (settings and URLs) and
``demo`` are the site; the apps another Wagtail site installs (``lms``,
``courses``, ``library`` and the rest) never import them. What every app shares
for display (local dates, durations, scroll regions) lives in ``ui``, which
imports no app of the platform.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = {"pages", "portal", "demo"}
APPS = [
    "accounts",
    "content_packages",
    "api",
    "competencies",
    "courses",
    "h5p",
    "library",
    "lms",
    "modules",
    "operations",
    "pagecache",
    "quizzes",
    "scorm",
    "surveys",
    "ui",
]
PLATFORM = SITE | set(APPS)


def imported_top_level_packages(app):
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield path, node.module.split(".")[0]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name.split(".")[0]


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_the_site(app):
    wrong = {
        f"{path.relative_to(ROOT)} imports {package}"
        for path, package in imported_top_level_packages(app)
        if package in SITE
    }
    assert not wrong


def test_the_shared_presentation_imports_no_app_of_the_platform():
    wrong = {
        f"{path.relative_to(ROOT)} imports {package}"
        for path, package in imported_top_level_packages("ui")
        if package in PLATFORM - {"ui"}
    }
    assert not wrong


def test_courses_imports_no_activity_app():
    """Quizzes, H5P and SCORM register their lesson blocks through courses.packs."""
    activity_apps = {"h5p", "quizzes", "scorm"}
    wrong = {
        f"{path.relative_to(ROOT)} imports {package}"
        for path, package in imported_top_level_packages("courses")
        if package in activity_apps
    }
    assert not wrong


def explicit_migration_dependencies(app):
    """The (app, migration) pairs an app's migrations name literally (not swappable ones)."""
    for path in (ROOT / app).rglob("migrations/*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assign) and any(
                getattr(target, "id", None) == "dependencies" for target in node.targets
            ):
                for element in getattr(node.value, "elts", []):
                    if isinstance(element, ast.Tuple) and isinstance(element.elts[0], ast.Constant):
                        yield path, element.elts[0].value


@pytest.mark.parametrize("app", [app for app in APPS if app != "accounts"])
def test_no_migration_depends_on_the_user_app_except_through_auth_user_model(app):
    wrong = {
        str(path.relative_to(ROOT))
        for path, label in explicit_migration_dependencies(app)
        if label == "accounts"
    }
    assert not wrong


@pytest.mark.parametrize("app", ["content_packages", "pagecache"])
def test_the_shared_plumbing_imports_no_app_of_the_platform(app):
    """The activity apps build on the package checks, lms and courses on the page
    cache; neither knows any of them (lms names its own cached models)."""
    wrong = {
        f"{path.relative_to(ROOT)} imports {package}"
        for path, package in imported_top_level_packages(app)
        if package in PLATFORM - {app}
    }
    assert not wrong


def test_the_districts_of_azerbaijan_are_the_sites_data_not_lms():
    """lms installs into other countries' sites: its migrations create no districts."""
    seeding = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "lms" / "migrations").glob("*.py")
        if "Absheron" in path.read_text()
    }
    assert not seeding
    assert (
        "Absheron"
        in (ROOT / "pages" / "migrations" / "0008_seed_districts_of_azerbaijan.py").read_text()
    )


@pytest.mark.django_db
def test_a_new_database_has_the_districts_from_the_site():
    from lms.models import District

    assert District.objects.filter(slug__in=["baku", "absheron", "zardab"]).count() == 3
