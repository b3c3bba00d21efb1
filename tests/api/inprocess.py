"""Requests sent to the Django WSGI application in-process, inside a test's transaction.

Schemathesis calls the application directly (not through Django's test
client), so the end of each request would close the test's database
connection as a real request does; on PostgreSQL the test would then lose its
transaction. As Django's test client does, the signal handler is held off::

    with keep_test_connection():
        case.call_and_validate()
"""

from contextlib import contextmanager

from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@contextmanager
def keep_test_connection():
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
