from django.urls import path

from . import views

app_name = "lms"

urlpatterns = [
    path("learning/", views.dashboard, name="dashboard"),
    path("learning/transcript/", views.transcript, name="transcript"),
    path("learning/transcript.pdf", views.transcript_pdf, name="transcript_pdf"),
    path("certificates/verify/<str:code>/", views.verify_certificate, name="verify_certificate"),
    path("certificates/<str:code>.pdf", views.certificate_pdf, name="certificate_pdf"),
]
