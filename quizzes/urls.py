from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("lessons/<uuid:lesson_uuid>/start/", views.start, name="start"),
    path("attempts/<int:attempt_id>/", views.attempt, name="attempt"),
    path("attempts/<int:attempt_id>/result/", views.result, name="result"),
]
