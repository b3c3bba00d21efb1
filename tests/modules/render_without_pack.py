"""Run in a subprocess with a pack removed: migrate a fresh database and render a lesson
whose body holds that pack's blocks; exit 0 when the page renders without them."""

import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
call_command("migrate", verbosity=0)

from accounts.factories import UserFactory  # noqa: E402
from courses.factories import (  # noqa: E402
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from lms import services  # noqa: E402

home = Site.objects.get(is_default_site=True).root_page
course = CoursePageFactory(parent=CatalogueIndexPageFactory(parent=home))
lesson = LessonPageFactory(
    parent=ModulePageFactory(parent=course),
    body=[{"type": "paragraph", "value": "<p>Core text stays.</p>"}],
)
# Content written while the pack was installed: raw JSON holding its block.
raw = [
    {"type": "paragraph", "value": "<p>Core text stays.</p>", "id": "a"},
    {"type": sys.argv[1], "value": {"title": "Pack block"}, "id": "b"},
]
type(lesson).objects.filter(pk=lesson.pk).update(body=raw)

learner = UserFactory()
services.enrol(learner, course)
client = Client()
client.force_login(learner)
response = client.get(lesson.url)
content = response.content.decode()
ok = response.status_code == 200 and "Core text stays." in content and "Pack block" not in content
print("status", response.status_code, "ok", ok)
sys.exit(0 if ok else 1)
