from django.urls import path

from . import views

app_name = "inclusive_ed"

urlpatterns = [
    path("work/<uuid:lesson_uuid>/<str:block_id>/", views.save_work, name="save_work"),
    path("work/<uuid:lesson_uuid>/<str:block_id>/iep.pdf", views.download_iep, name="iep_pdf"),
]
