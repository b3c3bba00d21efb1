"""Helpers shared by tests that run on a database a transactional test may have flushed."""


def site_home():
    """The default site's home page, rebuilt if a transactional test flushed it."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from pages.models import HomePage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title="Learning for inclusive education", slug="home"))
    Site.objects.create(
        hostname="localhost",
        site_name=settings.WAGTAIL_SITE_NAME,
        root_page=home,
        is_default_site=True,
    )
    return home


def sign_in(page, live_server, user):
    from accounts.factories import DEFAULT_PASSWORD

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()


def exported_file(client, url, params):
    """Ask for a report's download as a user would; return the file the export task made.

    The click queues an export and redirects to "My exports"; tests run tasks at
    once (ImmediateBackend), so the file is there to download from that page.
    """
    from operations.models import ReportExport

    before = set(ReportExport.objects.values_list("pk", flat=True))
    response = client.get(url, params)
    assert response.status_code == 302, response
    assert response["Location"].rstrip("/").endswith("exports")
    export = ReportExport.objects.exclude(pk__in=before).get()
    assert export.status == ReportExport.Status.DONE, export.error
    download = client.get(export.get_download_url())
    assert download.status_code == 200
    return b"".join(download.streaming_content)


def sco_attempt(**filters):
    """The one SCO attempt matching ``filters``, its CMI data readable as attributes."""
    from lms.models import Attempt
    from scorm.recording import Cmi

    return Cmi(Attempt.objects.get(source="scorm", **filters))


def sco_attempts():
    """Every SCO attempt (an ``lms.Attempt`` queryset)."""
    from lms.models import Attempt

    return Attempt.objects.filter(source="scorm")


# The reference data the site's migrations seed (RunPython functions), in order.
REFERENCE_DATA = [
    ("pages", "0003_content_locales", "create_locales"),
    ("pages", "0008_seed_districts_of_azerbaijan", "create_districts"),
    ("pages", "0010_district_names_in_every_language", "name_in_every_language"),
    ("courses", "0002_default_programmes", "create_programmes"),
    ("courses", "0011_programme_names_in_every_language", "name_in_every_language"),
    ("library", "0002_accessible_formats_and_languages", "create"),
    ("library", "0005_reference_lists_in_every_language", "name_in_every_language"),
]


def ensure_shipped_reference_data():
    """Seed again what the migrations seed, if a transactional test's flush emptied it.

    Wagtail's root page and root collection too (its own migrations make them), which
    pages, images and documents are built under.
    """
    import importlib

    from django.apps import apps
    from wagtail.models import Collection, Locale, Page

    from library.models import AccessibleFormat
    from lms.models import District

    if all(model.objects.exists() for model in (Locale, AccessibleFormat, District, Collection)):
        return
    for app, migration, function in REFERENCE_DATA:
        module = importlib.import_module(f"{app}.migrations.{migration}")
        getattr(module, function)(apps, None)
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
