"""Browser tests: Playwright driving Debian's Chromium against a live server.

``make test`` installs Chromium (``apt-get install chromium``) when it is
missing; no browser is ever downloaded by Playwright.
"""

import contextlib
import functools
import json
import os
import re
import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.english_guard import english_on_page

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
def page(request, context):
    """pytest-playwright's page, watched by the guards that see every page.

    Each page of the site the test reaches (a GET answered 200 with HTML) is
    recorded; at teardown each is opened again in a new page of the same context
    (same cookies) and checked by ``check_visited_page``: the project's pinned
    axe-core in the page and in each of its frames, no sideways scrolling at
    320 px, nothing it asks for answering 404, and screenshots at 390 and 1366 px.
    The test fails with every finding.

    A lesson page reports the time spent when it is hidden; leaving first lets
    that last request land before the live server's test database is flushed.
    """
    page = context.new_page()
    visited = []

    def record(response):
        page_request = response.request
        if (
            page_request.is_navigation_request()
            and page_request.frame == page.main_frame
            and page_request.method == "GET"
            and response.status == 200
            and response.headers.get("content-type", "").startswith("text/html")
            and response.url not in visited
        ):
            visited.append(response.url)

    page.on("response", record)
    yield page
    if not page.is_closed():
        page.goto("about:blank")
        page.wait_for_timeout(300)
    if "live_server" not in request.fixturenames or not GUARDS:
        return
    site = urlsplit(request.getfixturevalue("live_server").url)
    test_name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    findings = []
    for number, url in enumerate(visited, start=1):
        if urlsplit(url)[:2] != site[:2] or not revisitable(url):
            continue
        findings += check_visited_page(context, url, f"{test_name}/{number:02d}")
    if findings:
        pytest.fail("Pages this test visited:\n" + "\n".join(findings), pytrace=False)


def revisitable(url):
    """Whether a page can be opened again after the test without changing what it shows.

    A password-reset link (django.contrib.auth's /accounts/reset/<uid>/<token>/)
    is spent once used: opened again it shows "invalid link", not the page the
    test saw.
    """
    return not urlsplit(url).path.startswith("/accounts/reset/")


def checked(url):
    """Whether the guards judge this page (every page is photographed).

    Wagtail's and Django's admin are their projects' work, with their own
    accessibility tests; the site's pages, the desk and the reports we serve
    outside them are ours.
    """
    path = urlsplit(url).path
    return not path.startswith(("/admin/", "/django-admin/"))


def check_visited_page(context, url, name):
    """Axe (page and frames) and English on an az or ru page at 1366 px, overflow at 320 px,
    screenshots; return findings."""
    os.makedirs(os.path.join(ARTEFACTS, os.path.dirname(name)), exist_ok=True)
    findings = []
    page = context.new_page()
    missing = []
    page.on("response", lambda answer: answer.status == 404 and missing.append(answer.url))
    try:
        page.set_viewport_size(DESKTOP)
        response = page.goto(url)
        if response is None or response.status != 200:
            # The test changed what the page answers (signed out, spent a link).
            return []
        settle(page)
        if checked(url):
            findings += [f"{url} axe: {violation}" for violation in run_axe(page)]
            findings += [
                f"{url} English where the page's language has a translation: {text!r}"
                for text in english_on_page(page)
            ]
        page.screenshot(path=os.path.join(ARTEFACTS, f"{name}-1366.png"), full_page=True)
        page.set_viewport_size(PHONE)
        page.screenshot(path=os.path.join(ARTEFACTS, f"{name}-390.png"), full_page=True)
        page.set_viewport_size(NARROW)
        if checked(url):
            findings += [f"{url} at 320 px: {finding}" for finding in overflow(page)]
            # What the page asks for exists (a favicon, a stylesheet, an image).
            findings += [f"{url} asked for {address}: 404" for address in missing]
    finally:
        page.goto("about:blank")
        page.wait_for_timeout(300)
        page.close()
    return findings


def package_file(url):
    """Whether a frame shows a file of an uploaded SCORM package, written by its author.

    The site can't change a package's own pages; their axe findings are listed in
    test-artifacts/axe-package-content.txt for the course's author, not failed on.
    The site's player around them, and every H5P frame (the site's player builds
    them), are checked like any page.
    """
    path = urlsplit(url).path
    return path.startswith("/content/scorm/") and "/files/" in path


def note_package_findings(findings):
    if findings:
        with open(os.path.join(ARTEFACTS, "..", "axe-package-content.txt"), "a") as notes:
            notes.write("\n".join(findings) + "\n")


def settle(page):
    """Wait for the page and its frames (H5P and SCORM content load after the page)."""
    page.wait_for_load_state("load")
    # A page that keeps talking (a SCORM runtime's commits) is checked as it is.
    with contextlib.suppress(PlaywrightError):
        page.wait_for_load_state("networkidle", timeout=5000)


# The guards judge pages, which look the same whatever the database: CI's PostgreSQL
# run of the suite leaves them to the SQLite run (BROWSER_GUARDS=0 in .ci/run).
GUARDS = os.environ.get("BROWSER_GUARDS", "1") != "0"

NARROW = {"width": 320, "height": 800}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# The elements that stick out of a page wider than its viewport: each one whose
# right edge passes the viewport while its parent's does not, outside any element
# that scrolls or clips its own content (a table's scroll region), widest first.
OVERFLOW_JS = """() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const limit = root.clientWidth + 1;
    const clips = el => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + [...el.classList].map(c => '.' + c).join('');
    const find = skipClipped => {
        const found = [];
        for (const el of document.body.querySelectorAll('*')) {
            const right = el.getBoundingClientRect().right;
            const parent = el.parentElement;
            if (right <= limit || !parent || parent.getBoundingClientRect().right > limit) continue;
            if (skipClipped && clips(el)) continue;
            found.push({right, text: describe(parent) + ' > ' + describe(el)
                + ' (' + Math.round(el.getBoundingClientRect().width) + ' px wide, right edge at '
                + Math.round(right) + ' px)'});
        }
        return found;
    };
    // An absolutely positioned element escapes a scroller that is not its containing
    // block: if nothing outside scrollers sticks out, name what does inside them.
    let wide = find(true);
    if (!wide.length) wide = find(false);
    wide.sort((a, b) => b.right - a.right);
    return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
            elements: wide.slice(0, 5).map(w => w.text)};
}"""


def overflow(page):
    """Findings if the page scrolls sideways at its current width (WCAG 1.4.10)."""
    result = page.evaluate(OVERFLOW_JS)
    if result is None:
        return []
    return [
        f"scrolls sideways (scrollWidth {result['scrollWidth']} > clientWidth "
        f"{result['clientWidth']}): " + "; ".join(result["elements"] or ["no single element"])
    ]


@pytest.fixture
def screenshot(page):
    """Save a screenshot under test-artifacts/screenshots/ (kept by CI)."""
    os.makedirs(ARTEFACTS, exist_ok=True)

    def take(name):
        page.screenshot(path=os.path.join(ARTEFACTS, f"{name}.png"), full_page=True)

    return take


AXE = os.path.join(os.path.dirname(__file__), "..", "..", "node_modules", "axe-core")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@functools.cache
def pinned_axe():
    """The project's axe-core (package-lock.json pins it): its source and version."""
    if not os.path.exists(os.path.join(AXE, "axe.min.js")):
        pytest.fail("axe-core is missing: `make test` installs it (npm ci).")
    with open(os.path.join(AXE, "axe.min.js"), encoding="utf-8") as source:
        code = source.read()
    with open(os.path.join(AXE, "package.json"), encoding="utf-8") as package:
        version = json.load(package)["version"]
    return code, version


def load_axe(frame):
    """Put the pinned axe-core in ``frame`` as ``window.__pinnedAxe``.

    Never whatever ``window.axe`` holds: Wagtail's user bar loads its own, older
    axe-core there on staff pages; the page's own ``window.axe`` is put back.
    Evaluated through the DevTools protocol: the site's Content Security Policy
    (no inline scripts) would block a <script> tag, and rightly so.
    """
    code, version = pinned_axe()
    loaded = frame.evaluate(
        f"""() => {{
            if (!window.__pinnedAxe) {{
                const own = Object.getOwnPropertyDescriptor(window, 'axe');
                delete window.axe;
                {code}
                window.__pinnedAxe = window.axe;
                delete window.axe;
                if (own) Object.defineProperty(window, 'axe', own);
            }}
            return window.__pinnedAxe.version;
        }}"""
    )
    assert loaded == version, f"axe-core {loaded} ran instead of the pinned {version}"


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}


def axe_partials(frame, context=None):
    """axe-core's partial results for ``frame`` and, depth first, every frame inside it.

    axe's own frame scanning talks to frames by postMessage and missed frames on
    the content origin; axe.runPartial driven frame by frame from here (as
    @axe-core/playwright does) reaches every frame, whatever its origin. A frame
    showing a SCORM package's own file is left out (None) and noted apart.
    """
    load_axe(frame)
    children = frame.evaluate(
        "([context, options]) => window.__pinnedAxe.utils.getFrameContexts("
        "context || undefined, options)",
        [context, AXE_OPTIONS],
    )
    partials = [
        frame.evaluate(
            "([context, options]) => window.__pinnedAxe.runPartial(context || document, options)",
            [context, AXE_OPTIONS],
        )
    ]
    for child in children:
        element = frame.evaluate_handle(
            "selector => window.__pinnedAxe.utils.shadowSelect(selector)", child["frameSelector"]
        ).as_element()
        inner = element and element.content_frame()
        if inner is None:
            partials.append(None)
        elif package_file(inner.url):
            partials.append(None)
            note_package_findings(
                [
                    f"{inner.url}: {violation}"
                    for violation in finish_axe(inner, axe_partials(inner))
                ]
            )
        else:
            partials += axe_partials(inner, child["frameContext"])
    return partials


def finish_axe(frame, partials):
    result = frame.evaluate(
        "([partials, options]) => window.__pinnedAxe.finishRun(partials, options)",
        [partials, AXE_OPTIONS],
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]


def run_axe(page):
    """Run the pinned axe-core on ``page`` and every frame in it; return the violations."""
    return finish_axe(page.main_frame, axe_partials(page.main_frame))


@pytest.fixture
def axe(page):
    """Run the pinned axe-core on the current page and each of its frames; return violations."""

    def check():
        # A test waits for the new page's own content after a click; this also waits
        # for its subresources, so axe never reads a document that is being replaced.
        page.wait_for_load_state("load")
        return run_axe(page)

    return check
