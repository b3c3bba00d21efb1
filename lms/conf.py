"""The platform's own options, in one namespaced settings dict.

A site sets only what it changes::

    LMS = {"MAX_TIME_DELTA_SECONDS": 1800}

and code reads them through ``lms_settings``, which supplies the defaults::

    from lms.conf import lms_settings
    lms_settings.MAX_TIME_DELTA_SECONDS
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    # Largest amount of time one progress report may add. Stops a tab left
    # open overnight (or a hostile client) from inflating time spent.
    "MAX_TIME_DELTA_SECONDS": 30 * 60,
    # A visit within this many seconds of the last one continues the same
    # session instead of starting a new row.
    "SESSION_IDLE_SECONDS": 30 * 60,
    # A learner who opens the lesson they were last recorded on again within
    # this many seconds (a reload) is not written again: "last visited" and
    # session times are kept to this precision. 0 writes every visit. Needs a
    # cache shared by all app servers (Redis in production).
    "VISIT_WRITE_INTERVAL_SECONDS": 60,
    # Where "Find a course" links from the learner's dashboard.
    "CATALOGUE_URL": "/",
    # The institution named on certificates as their issuer: a name, or a name
    # per language ({"az": "...", "ru": "...", "en": "..."}); the default is
    # translated like any other string.
    "CERTIFICATE_ISSUER": _("Teacher Learning Platform"),
    # Where uploaded packages (H5P, SCORM) run: an origin of their own, such as
    # "https://content.example.org", that reaches the same application but
    # never gets the site's cookies (lms.content). None serves them from the
    # site's host in sandboxed frames with an opaque origin instead.
    "CONTENT_ORIGIN": None,
    # The front server's internal location for private files, such as
    # "/_protected/": package files are then sent by nginx (X-Accel-Redirect)
    # after the application's checks. None streams them from the application.
    "ACCEL_REDIRECT_PREFIX": None,
    # The start of the IRIs the platform gives its own activities in the
    # statements it writes (``<base>/lessons/<uuid>``, ``<base>/courses/<id>``).
    # None uses ``WAGTAILADMIN_BASE_URL``.
    "ACTIVITY_IRI_BASE": None,
    # The few reads made on every lesson view run as SQL compiled once per
    # process (lms.prepared). False runs them through the ORM each time: the
    # same rows, about 1 ms more per lesson view (docs/benchmarks.md).
    "PREPARED_QUERIES": True,
}


class LmsSettings:
    def __init__(self, defaults):
        self.defaults = defaults
        self._cache = {}

    def __getattr__(self, name):
        if name not in self.defaults:
            raise AttributeError(f"Unknown LMS setting: {name!r}")
        if name not in self._cache:
            user = getattr(settings, "LMS", {}) or {}
            self._cache[name] = user.get(name, self.defaults[name])
        return self._cache[name]

    def reload(self):
        self._cache.clear()


lms_settings = LmsSettings(DEFAULTS)


def _reload(*, setting, **kwargs):
    if setting == "LMS":
        lms_settings.reload()


setting_changed.connect(_reload)
