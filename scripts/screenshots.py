"""Retake the README's screenshots from a freshly built demo site.

    make screenshots

Builds the demo on a throw-away SQLite database, serves it with ``runserver``
on a free port, and photographs the catalogue, a course with a learner's
progress, a lesson on a phone, the programme targets and the library
catalogue with Playwright and Debian's Chromium (never a downloaded browser).
The pictures land in ``docs/screenshots/`` in Azerbaijani, the site's default
language.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The demo server did not answer at {url}")


def sign_in(page, base, username, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_load_state("load")


def shoot(page, name):
    page.wait_for_load_state("load")
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
    print(f"docs/screenshots/{name}.png")


def main():
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "H5P_ROOT": str(work / "h5p"),
        "EXPORTS_ROOT": str(work / "exports"),
    }
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base}/")
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            desktop = browser.new_context(viewport=DESKTOP, locale="az")
            page = desktop.new_page()
            page.goto(f"{base}/courses/")
            shoot(page, "catalogue")
            page.goto(f"{base}/library/")
            shoot(page, "library")
            sign_in(page, base, "teacher", "teacher-demo-2026")
            # The demo teacher enrols in the first course and completes its first lesson,
            # so the course page shows her progress.
            page.goto(f"{base}/courses/")
            page.locator("main .card a").first.click()
            page.wait_for_load_state("load")
            course = page.url
            enrol = page.locator("main form[action*='enrol'] button[type=submit]")
            if enrol.count():
                enrol.click()
                page.wait_for_load_state("load")
            page.goto(course)
            lesson = page.locator("main .outline__lessons a").first.get_attribute("href")
            page.goto(f"{base}{lesson}" if lesson.startswith("/") else lesson)
            complete = page.locator("#complete-form button[type=submit]")
            if complete.count():
                complete.click()
                page.wait_for_load_state("load")
            page.goto(course)
            shoot(page, "course")
            # Each account in its own browser context: a signed-in visitor is not shown
            # the sign-in form again.
            page = browser.new_context(viewport=DESKTOP, locale="az").new_page()
            sign_in(page, base, "manager", "manager-demo-2026")
            page.goto(f"{base}/admin/learning-reports/targets/")
            shoot(page, "targets")
            phone = browser.new_context(viewport=PHONE, locale="az", is_mobile=True)
            page = phone.new_page()
            sign_in(page, base, "teacher", "teacher-demo-2026")
            page.goto(f"{base}{lesson}" if lesson.startswith("/") else lesson)
            shoot(page, "lesson-phone")
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
