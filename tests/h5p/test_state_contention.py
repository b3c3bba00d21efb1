"""A saved H5P state waits for SQLite's write lock and is stored, never answered 503.

SQLite lets one writer at a time. While another request holds the write lock
(here a second connection, in a thread, holding a write transaction), the
state save must queue for it (``BEGIN IMMEDIATE`` with the busy timeout,
``portal/settings/base.py``) and succeed once it is free. The test database is
a file for the same reason as a site's: an in-memory test database shares one
connection between threads and fails the save at once (``portal/settings/test.py``).
"""

import threading

import pytest
from django.db import connection, connections, transaction

from accounts.factories import UserFactory
from h5p.models import H5PUserData
from tests.h5p.test_playing import content_post, state_url

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's single writer"),
    pytest.mark.django_db(transaction=True),
]

# Long enough for the save to start while the lock is held, well within the busy timeout.
HOLD_SECONDS = 1.0


def test_a_state_save_waits_for_another_writer_and_is_stored(
    learner_client, learner, enrolled, h5p_lesson, multichoice
):
    url = state_url(learner, h5p_lesson, multichoice)
    holding, saving, errors = threading.Event(), threading.Event(), []

    def hold_the_write_lock():
        try:
            with transaction.atomic():
                UserFactory(username="writer")  # a write: this connection holds the lock
                holding.set()
                saving.wait(timeout=10)
                threading.Event().wait(HOLD_SECONDS)
        except Exception as error:  # noqa: BLE001 (reported to the test thread)
            errors.append(error)
            holding.set()
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    assert holding.wait(timeout=10)
    saving.set()
    response = content_post(learner_client, url, {"data": '{"answers":[1]}'})
    holder.join()

    assert errors == []
    assert response.status_code == 200, response.content
    assert H5PUserData.objects.get(learner=learner).data == '{"answers":[1]}'
