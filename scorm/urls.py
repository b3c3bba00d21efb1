"""The site's SCORM URL: a lesson's launch page.

The runtime, the package's files and the commits are content URLs, served on
the content origin (``scorm/content_urls.py``, mounted at ``/content/scorm/``).
"""

from django.urls import path

from . import views

app_name = "scorm"

urlpatterns = [
    path("lessons/<uuid:lesson_uuid>/<str:block_id>/", views.launch, name="launch"),
]
