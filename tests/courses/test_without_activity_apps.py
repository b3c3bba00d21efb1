"""A site without the activity apps (H5P, SCORM, quizzes) checks, migrates and shows lessons.

Run in a subprocess with ``tests.settings.without_activities``: the apps'
blocks then never register, and a lesson that holds one (content made on a
site that had it) keeps it and shows learners that it is not available here.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LESSON = """
import json
from django.test import Client
from wagtail.models import Page, Site
from courses.factories import (
    CatalogueIndexPageFactory, CoursePageFactory, LessonPageFactory, ModulePageFactory,
)
from courses.models import LessonPage
from pages.models import HomePage
from accounts.factories import UserFactory
from lms import services

root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="Home", slug="home-without-activities"))
Site.objects.update(root_page=home, is_default_site=True, hostname="testserver")
catalogue = CatalogueIndexPageFactory(parent=home, slug="courses")
course = CoursePageFactory(parent=catalogue, slug="inclusive")
module = ModulePageFactory(parent=course, slug="rights")
lesson = LessonPageFactory(parent=module, slug="article-24")
body = [
    {"type": "paragraph", "value": "<p>Before the activity.</p>", "id": "p1"},
    {"type": "h5p", "value": {"activity": 7, "completion": "completed"}, "id": "h1"},
]
LessonPage.objects.filter(pk=lesson.pk).update(body=json.dumps(body))
lesson = LessonPage.objects.get(pk=lesson.pk)
learner = UserFactory()
services.enrol(learner, course)
client = Client()
client.force_login(learner)
response = client.get(lesson.url)
assert response.status_code == 200, response.status_code
text = response.content.decode()
assert "Before the activity." in text and "This activity is not available on this site." in text
lesson.save_revision().publish()
from django.db import connection
with connection.cursor() as cursor:
    table = LessonPage._meta.db_table
    cursor.execute(f"SELECT body FROM {table} WHERE page_ptr_id = %s", [lesson.pk])
    stored = json.loads(cursor.fetchone()[0])
assert [child["type"] for child in stored] == ["paragraph", "h5p"], stored
print("lesson ok")
"""


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    database = tmp_path_factory.mktemp("without-activities") / "db.sqlite3"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings.without_activities",
        "DATABASE_URL": f"sqlite:///{database}",
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_site_without_the_activity_apps_checks_migrates_and_shows_a_kept_block(site_env):
    check = manage(site_env, "check")
    assert check.returncode == 0, check.stderr
    migrate = manage(site_env, "migrate", "--noinput", "-v0")
    assert migrate.returncode == 0, migrate.stderr
    lesson = manage(site_env, "shell", "-c", LESSON)
    assert lesson.returncode == 0, lesson.stderr
    assert "lesson ok" in lesson.stdout
