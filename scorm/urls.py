from django.urls import path, re_path

from . import views

app_name = "scorm"

urlpatterns = [
    path("lessons/<uuid:lesson_uuid>/<str:block_id>/", views.launch, name="launch"),
    path("lessons/<uuid:lesson_uuid>/<str:block_id>/commit/", views.commit, name="commit"),
    re_path(
        r"^lessons/(?P<lesson_uuid>[0-9a-f-]{36})/(?P<block_id>[^/]+)/files/(?P<path>.*)$",
        views.content,
        name="content",
    ),
]
