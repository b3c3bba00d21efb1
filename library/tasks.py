"""Background work of the library (django-tasks)."""

from django_tasks import task

from .notices import send_notices


@task()
def send_library_notices():
    """Expire uncollected holds and send the notices due; idempotent (see library.notices)."""
    return send_notices()
