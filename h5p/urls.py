from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("play/<uuid:lesson_uuid>/<int:activity_id>/", views.play, name="play"),
    path(
        "files/<uuid:lesson_uuid>/<int:activity_id>/<str:version>/<path:path>",
        views.content_file,
        name="file",
    ),
    path(
        "statements/<uuid:lesson_uuid>/<int:activity_id>/",
        views.statements,
        name="statements",
    ),
    path(
        "state/<uuid:lesson_uuid>/<int:activity_id>/<str:data_type>/<str:sub_content_id>/",
        views.state,
        name="state",
    ),
    path("preview/<int:activity_id>/", views.preview, name="preview"),
    path(
        "preview/<int:activity_id>/files/<str:version>/<path:path>",
        views.preview_file,
        name="preview_file",
    ),
]
