"""SCORM's content URLs, mounted at ``/content/scorm/`` and served on the content origin.

Each takes the capability token the launch page issued (``lms.content``)
instead of the session: the runtime page, the commits and the package's files.
"""

from django.urls import path, re_path

from . import views

app_name = "scorm_content"

urlpatterns = [
    path("<str:token>/run/", views.run, name="run"),
    path("<str:token>/commit/", views.commit, name="commit"),
    re_path(r"^(?P<token>[^/]+)/files/(?P<path>.*)$", views.content, name="content"),
]
