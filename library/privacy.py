"""A patron's library records in their data download, and what erasing them does.

Each model is one registration in :data:`accounts.privacy.personal_data`
(found by :func:`accounts.privacy.autodiscover`). Erasing keeps the loans,
holds and notices (the centres' statistics count them) and overwrites the
patron's name, card number and contact details, unlinking the card from the
account; what desk staff did (lending, transfers, stock-takes) stays as the
centre's record, and their place at a desk goes.
"""

from django.utils.translation import gettext as _

from accounts.privacy import DELETE, keep, personal_data

from .models import CentreStaff, Hold, Loan, Notice, Patron, StockTake, Transfer

COUNTED = "counted in the centres' statistics; names nobody once the patron is erased"
DESK_RECORD = "the centre's circulation record of what its desk staff did"


def erase_patrons(patrons, person):
    """Overwrite the card's name, number and contact details, block it and unlink the account.

    Saved one by one, so that the search index forgets the name too.
    """
    for patron in patrons:
        patron.name = _("Erased patron")
        patron.card_number = f"ERASED-{patron.pk}"
        patron.email = ""
        patron.phone = ""
        patron.user = None
        patron.is_blocked = True
        patron.block_reason = _("Personal data erased")
        patron.save()


personal_data.register(
    Patron,
    "user",
    export=[
        "name",
        "card_number",
        "email",
        "phone",
        "category",
        "home_centre__name",
        "expires_on",
        "created_at",
    ],
    erase=erase_patrons,
)
personal_data.register(
    Loan,
    "patron__user",
    export=[
        "copy__barcode",
        "copy__material__title",
        "centre__name",
        "issued_at",
        "due_at",
        "renewals",
        "returned_at",
        "outcome",
    ],
    erase=keep(COUNTED),
)
personal_data.register(
    Hold,
    "patron__user",
    export=["material__title", "pickup_centre__name", "placed_at", "status", "closed_at"],
    erase=keep(COUNTED),
)
personal_data.register(Notice, "patron__user", export=["kind", "sent_at"], erase=keep(COUNTED))
personal_data.register(
    Loan,
    ["issued_by", "returned_by"],
    export=["copy__barcode", "centre__name", "issued_at", "returned_at"],
    erase=keep(DESK_RECORD),
)
personal_data.register(
    Transfer,
    ["sent_by", "received_by"],
    export=["copy__barcode", "from_centre__name", "to_centre__name", "sent_at", "received_at"],
    erase=keep(DESK_RECORD),
)
personal_data.register(
    StockTake,
    "started_by",
    export=["centre__name", "started_at", "finished_at"],
    erase=keep(DESK_RECORD),
)
# A place at a desk lets its holder lend: it goes with the account.
personal_data.register(CentreStaff, "user", export=["centre__name"], erase=DELETE)
