"""Browser tests: Playwright driving Debian's Chromium against a live server.

``make test`` installs Chromium (``apt-get install chromium``) when it is
missing; no browser is ever downloaded by Playwright.
"""

import os
import shutil
from urllib.parse import urlsplit

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


@pytest.fixture(autouse=True)
def content_origin(request, settings):
    """Packaged content on the live server's other name, as `make demo` has it.

    The live server is http://localhost:<port> and listens on 127.0.0.1, so
    http://127.0.0.1:<port> reaches it as another origin and another cookie
    site: the content origin (lms.content). Settings are shared with the
    server's thread (lms_settings reloads on the change).
    """
    if "live_server" not in request.fixturenames:
        return None
    live_server = request.getfixturevalue("live_server")
    origin = f"http://127.0.0.1:{urlsplit(live_server.url).port}"
    settings.LMS = {**settings.LMS, "CONTENT_ORIGIN": origin}
    # Where the content host sends a visitor who asks it for a page of the site.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return origin


@pytest.fixture
def page(context):
    """pytest-playwright's page, which leaves the site before the database is reset.

    A lesson page reports the time spent when it is hidden; leaving first lets
    that last request land before the live server's test database is flushed.
    """
    page = context.new_page()
    yield page
    if not page.is_closed():
        page.goto("about:blank")
        page.wait_for_timeout(300)


@pytest.fixture
def screenshot(page):
    """Save a screenshot under test-artifacts/screenshots/ (kept by CI)."""
    os.makedirs(ARTEFACTS, exist_ok=True)

    def take(name):
        page.screenshot(path=os.path.join(ARTEFACTS, f"{name}.png"), full_page=True)

    return take


AXE = os.path.join(os.path.dirname(__file__), "..", "..", "node_modules", "axe-core", "axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def axe(page):
    """Run axe-core (installed from npm by `make test`) on the current page; return violations."""
    if not os.path.exists(AXE):
        pytest.fail("axe-core is missing: `make test` installs it (npm ci).")

    with open(AXE, encoding="utf-8") as source:
        axe_source = source.read()

    def check():
        # A test waits for the new page's own content after a click; this also waits
        # for its subresources, so axe never reads a document that is being replaced.
        page.wait_for_load_state("load")
        # Evaluated through the DevTools protocol: the site's Content Security Policy
        # (no inline scripts) would block a <script> tag, and rightly so.
        page.evaluate(f"() => {{ {axe_source}\n window.axe = axe; }}")
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
            for v in result["violations"]
        ]

    return check
