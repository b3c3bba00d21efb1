"""Asking for content URLs (lms.content) as a browser does: on the content host.

The test settings put packaged content on ``http://content.testserver``; the
test client then sends its cookies too, and the middleware must drop them.
"""

from urllib.parse import urlsplit

from django.test import RequestFactory

from lms import content

CONTENT_HOST = "content.testserver"


def _split(url):
    parts = urlsplit(str(url))
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path, parts.netloc or CONTENT_HOST


def content_get(client, url, **extra):
    path, host = _split(url)
    return client.get(path, HTTP_HOST=host, **extra)


def content_post(client, url, data=None, **extra):
    path, host = _split(url)
    return client.post(path, data, HTTP_HOST=host, **extra)


def token_for(user, purpose, **claims):
    """The token a site page signed in as ``user`` would issue (site http://testserver)."""
    request = RequestFactory().get("/")
    request.user = user
    return content.issue(request, purpose, **claims)
