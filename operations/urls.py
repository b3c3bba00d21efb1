"""The requester's report exports outside the admin (library desk staff use these)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.my_exports, name="report_exports"),
    path("<int:pk>/download/", views.download_export, name="report_export_download"),
]
