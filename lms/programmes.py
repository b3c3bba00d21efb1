"""Programme names for reports: lms stores a programme's slug, its content app knows the name.

The app that owns programmes (``courses``, with its ``Programme`` snippet)
answers the ``lms_programme_names`` hook with a ``{slug: name}`` dict; reports
then show "Inclusive education", not ``inclusive-education``::

    from lms.programmes import programme_names

    names = programme_names()
    names.get(target.programme, target.programme)

Without any such hook the slug is shown as it is. Audiences (cohorts' and
targets' ``audience``, "in_service") are named the same way, through the
``lms_audience_names`` hook: reports say "In-service teachers".
"""

from wagtail import hooks

HOOK = "lms_programme_names"
AUDIENCE_HOOK = "lms_audience_names"


def _names(hook):
    """``{slug: name}`` from every app answering ``hook``."""
    names = {}
    for answer in hooks.get_hooks(hook):
        names.update(answer())
    return names


def programme_names():
    """Every known programme's ``{slug: name}``."""
    return _names(HOOK)


def programme_name(slug, names=None):
    """The name of the programme ``slug`` (the slug itself when no app names it)."""
    if not slug:
        return ""
    return (programme_names() if names is None else names).get(slug, slug)


def audience_names():
    """Every known audience's ``{slug: name}`` (names lazy: read in the reader's language)."""
    return _names(AUDIENCE_HOOK)


def audience_name(slug, names=None):
    """The name of the audience ``slug`` (the slug, readable, when no app names it)."""
    if not slug:
        return ""
    return (audience_names() if names is None else names).get(slug, slug.replace("_", " "))
