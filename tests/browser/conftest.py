"""Browser tests: Playwright driving Debian's Chromium against a live server.

``make test`` installs Chromium (``apt-get install chromium``) when it is
missing; no browser is ever downloaded by Playwright.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

# Playwright's sync API runs an event loop in the test thread; the test's own
# ORM calls are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTEFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts", "screenshots")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: `make test` installs it "
            "(apt-get install chromium), or set CHROMIUM_PATH."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def screenshot(page):
    """Save a screenshot under test-artifacts/screenshots/ (kept by CI)."""
    os.makedirs(ARTEFACTS, exist_ok=True)

    def take(name):
        page.screenshot(path=os.path.join(ARTEFACTS, f"{name}.png"), full_page=True)

    return take
