"""Programme names for reports: lms stores a programme's slug, its content app knows the name.

The app that owns programmes (``courses``, with its ``Programme`` snippet)
answers the ``lms_programme_names`` hook with a ``{slug: name}`` dict; reports
then show "Inclusive education", not ``inclusive-education``::

    from lms.programmes import programme_names

    names = programme_names()
    names.get(target.programme, target.programme)

Without any such hook the slug is shown as it is.
"""

from wagtail import hooks

HOOK = "lms_programme_names"


def programme_names():
    """Every known programme's ``{slug: name}``."""
    names = {}
    for answer in hooks.get_hooks(HOOK):
        names.update(answer())
    return names


def programme_name(slug, names=None):
    """The name of the programme ``slug`` (the slug itself when no app names it)."""
    if not slug:
        return ""
    return (programme_names() if names is None else names).get(slug, slug)
