"""H5P's content URLs, mounted at ``/content/h5p/`` and served on the content origin.

Each takes a capability token (``lms.content``) instead of the session: the
lesson's player, its files and saved state; the editors' preview and its files.
"""

from django.urls import path

from . import views

app_name = "h5p_content"

urlpatterns = [
    path("<str:token>/play/", views.play, name="play"),
    path("<str:token>/files/<str:version>/<path:path>", views.content_file, name="file"),
    path("<str:token>/state/<str:data_type>/<str:sub_content_id>/", views.state, name="state"),
    path("preview/<str:token>/", views.preview_player, name="preview"),
    path(
        "preview/<str:token>/files/<str:version>/<path:path>",
        views.preview_file,
        name="preview_file",
    ),
]
