"""The site's URLs plus the benchmark floors (only mounted by the bench settings)."""

from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns

from . import bench_views

urlpatterns = [
    path("bench/floor/plain/", bench_views.plain, name="bench_plain"),
    path("bench/floor/json/", bench_views.json_post, name="bench_json"),
    *site_urlpatterns,
]
