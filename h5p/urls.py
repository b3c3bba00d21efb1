"""The site's H5P URLs: the lesson's statements and the editors' preview.

The player, the package files and saved state are content URLs, served on
the content origin (``h5p/content_urls.py``, mounted at ``/content/h5p/``).
"""

from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path(
        "statements/<uuid:lesson_uuid>/<int:activity_id>/",
        views.statements,
        name="statements",
    ),
    path("preview/<int:activity_id>/", views.preview, name="preview"),
]
