from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("courses/<int:course_id>/evaluate/", views.evaluate_course, name="evaluate"),
]
