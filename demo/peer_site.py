"""Seeds the peer site (wagtail-lms) and signs its learner in, run by the peer's own Python.

    cd var/peer/site && ../venv/bin/python .../demo/peer_site.py seed /work/shared/h5p
    cd var/peer/site && ../venv/bin/python .../demo/peer_site.py prepare 127.0.0.1:8001

``bench_http --peer`` runs it (see ``demo/peer.py``); it imports nothing of this
project, only Django, Wagtail and wagtail-lms as installed in the peer's
virtual environment. ``seed`` gives the peer the shape of this site's H5P
lesson: a course, a lesson with a paragraph and the same two H5P packages, a
learner enrolled. ``prepare`` signs the learner in through the test client,
counts each scenario's queries in this process and prints JSON for the
harness: the paths, the session cookie and the query counts.
"""

import json
import sys

import django

LEARNER = "peer-learner"
PASSWORD = "peer-bench-password"  # noqa: S105 - a throwaway learner of a local benchmark site
PACKAGES = [
    ("H5P.MultiChoice", "Quick check: multiple choice"),
    ("H5P.TrueFalse", "Quick check: true or false"),
]
PARAGRAPH = "<p>Try these short activities.</p>"
COURSE_TEXT = "<p>" + ("Inclusive teaching starts with knowing every learner. " * 12) + "</p>"


def seed(h5p_dir):
    """The course, its H5P lesson and an enrolled learner, made once (later runs keep them)."""
    from django.contrib.auth import get_user_model
    from django.core.files import File
    from wagtail.models import Site
    from wagtail_lms.models import CourseEnrollment, CoursePage, H5PActivity, H5PLessonPage

    home = Site.objects.get(is_default_site=True).root_page
    course = CoursePage.objects.filter(slug="course").first()
    if course is None:
        course = CoursePage(title="Inclusive education: first steps", slug="course")
        course.description = COURSE_TEXT
        home.add_child(instance=course)
        course.save_revision().publish()
    lesson = H5PLessonPage.objects.filter(slug="practice").first()
    if lesson is None:
        body = [("paragraph", PARAGRAPH)]
        for stem, title in PACKAGES:
            # As an editor uploads it: the package is saved and extracted on save.
            with open(f"{h5p_dir}/{stem}.h5p", "rb") as package:
                activity = H5PActivity(title=title)
                activity.package_file.save(f"{stem}.h5p", File(package), save=False)
                activity.save()
            body.append(("h5p_activity", {"activity": activity}))
        lesson = H5PLessonPage(title="Practice: check your understanding", slug="practice")
        lesson.body = body
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    User = get_user_model()
    learner = User.objects.filter(username=LEARNER).first()
    if learner is None:
        learner = User.objects.create_user(LEARNER, f"{LEARNER}@example.org", PASSWORD)
    CourseEnrollment.objects.get_or_create(user=learner, course=course)


def prepare(host):
    """The scenarios' paths, a signed-in session and each scenario's queries, as JSON."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from wagtail.models import Site
    from wagtail_lms.models import CoursePage, H5PLessonPage

    home = Site.objects.get(is_default_site=True).root_page
    course = CoursePage.objects.get(slug="course")
    lesson = H5PLessonPage.objects.get(slug="practice")
    activity = next(b.value["activity"] for b in lesson.body if b.block_type == "h5p_activity")
    xapi = reverse("wagtail_lms:h5p_xapi", args=[activity.pk])

    client = Client()
    if not client.login(username=LEARNER, password=PASSWORD):
        raise SystemExit(f"The peer's learner {LEARNER} cannot sign in: run seed first.")
    paths = {
        "stock": home.url,
        "course": course.url,
        "lesson": lesson.url,
        "xapi": xapi,
        # What its lesson page's script names the activity by (data-xapi-iri).
        "xapi_iri": f"http://{host}{xapi}",
    }
    statement = json.loads(sys.stdin.read())
    statement["object"]["id"] = paths["xapi_iri"]
    queries = {}
    for name, signed_in in (("stock", False), ("course", True), ("lesson", True), ("xapi", True)):
        counter = client if signed_in else Client()

        def request(counter=counter, name=name):
            if name == "xapi":
                return counter.post(paths[name], statement, content_type="application/json")
            return counter.get(paths[name])

        warm = request()
        if warm.status_code >= 400:
            raise SystemExit(f"The peer's {name} page answered {warm.status_code}.")
        with CaptureQueriesContext(connection) as captured:
            request()
        queries[name] = len(captured)
    # A session of its own for the load run, so that the counting client's stays apart.
    loader = Client()
    loader.login(username=LEARNER, password=PASSWORD)
    print(
        json.dumps(
            {
                "paths": paths,
                "statement": statement,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "session": loader.cookies[settings.SESSION_COOKIE_NAME].value,
                "queries": queries,
            }
        )
    )


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "seed":
        seed(sys.argv[2])
    else:
        prepare(sys.argv[2])
