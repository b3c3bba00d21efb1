"""On PostgreSQL, twenty desks scanning the same copy at once make exactly one loan."""

import threading

import pytest
from django.db import connection, connections

from library import services
from library.factories import CentreStaffFactory, CopyFactory, PatronFactory
from library.models import Copy, Loan

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the file)",
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 20


def test_concurrent_checkouts_of_one_copy_give_exactly_one_loan():
    copy = CopyFactory()
    centre = copy.current_centre
    staff = CentreStaffFactory(centre=centre).user
    patrons = [PatronFactory(home_centre=centre) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    outcomes = []

    def lend(patron):
        try:
            barrier.wait()
            services.checkout(staff, centre, patron, copy.barcode)
            outcomes.append("lent")
        except services.CirculationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=lend, args=(patron,)) for patron in patrons]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["lent"] + ["refused"] * (THREADS - 1)
    assert Loan.objects.filter(copy=copy, returned_at__isnull=True).count() == 1
    copy.refresh_from_db()
    assert copy.status == Copy.Status.ON_LOAN
