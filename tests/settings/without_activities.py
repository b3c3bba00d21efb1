"""The test settings of a site that installs none of the activity apps (H5P, SCORM, quizzes)."""

from portal.settings.test import *  # noqa: F403

ACTIVITY_APPS = {"h5p", "scorm", "quizzes"}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in ACTIVITY_APPS]  # noqa: F405
