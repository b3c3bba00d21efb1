from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses.packs import pack_urlpatterns
from operations.translation_uploads import guarded_upload_pofile
from operations.views import healthz
from pages.views import favicon

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    # For what asks for /favicon.ico itself (a PDF or JSON opened in a tab); pages link it.
    path("favicon.ico", favicon, name="favicon"),
    path("exports/", include("operations.urls")),
    path("django-admin/", admin.site.urls),
    # Wagtail's reports with neutralised downloads, at Wagtail's own addresses.
    path("admin/reports/", include("operations.admin_report_urls")),
    # A PO upload is checked before wagtail-localize reads it (operations.translation_uploads).
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        guarded_upload_pofile,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("learn/", include("courses.urls")),
    # The activity apps a site may leave out of INSTALLED_APPS, with their packaged
    # content (answered on the content origin only: lms.content).
    *[
        path(prefix, include(module))
        for prefix, app, module in [
            ("quiz/", "quizzes", "quizzes.urls"),
            ("h5p/", "h5p", "h5p.urls"),
            ("scorm/", "scorm", "scorm.urls"),
            ("content/h5p/", "h5p", "h5p.content_urls"),
            ("content/scorm/", "scorm", "scorm.content_urls"),
        ]
        if apps.is_installed(app)
    ],
    path("", include("lms.urls")),
    path("library/", include("library.urls")),
    path("competencies/", include("competencies.urls")),
    path("surveys/", include("surveys.urls")),
    # The installed module packs' own pages, at /packs/<pack>/.
    *pack_urlpatterns(),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
