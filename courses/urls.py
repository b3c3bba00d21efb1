from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("lessons/<uuid:lesson_uuid>/complete/", views.mark_complete, name="mark_complete"),
    path("lessons/<uuid:lesson_uuid>/progress/", views.report_progress, name="progress"),
]
