"""A patron's library records for their data download, and erasing what identifies them.

Registered through the ``personal_data_export`` and ``personal_data_erase``
hooks (see :mod:`accounts.privacy`). Erasing keeps the loans and holds (the
centres' statistics count them) and overwrites the patron's name, card
number and contact details.
"""

from django.utils.translation import gettext as _

from .models import Hold, Loan, Notice, Patron


def export_patron(user):
    patron = Patron.objects.filter(user=user).first()
    if patron is None:
        return None
    return {
        "patron": {
            "name": patron.name,
            "card_number": patron.card_number,
            "email": patron.email,
            "phone": patron.phone,
            "category": patron.category,
            "home_centre": patron.home_centre.name,
            "expires_on": patron.expires_on,
            "created_at": patron.created_at,
        },
        "loans": list(
            Loan.objects.filter(patron=patron).values(
                "copy__barcode",
                "copy__material__title",
                "centre__name",
                "issued_at",
                "due_at",
                "renewals",
                "returned_at",
                "outcome",
            )
        ),
        "holds": list(
            Hold.objects.filter(patron=patron).values(
                "material__title", "pickup_centre__name", "placed_at", "status", "closed_at"
            )
        ),
        "notices": list(Notice.objects.filter(patron=patron).values("kind", "sent_at")),
    }


def erase_patron(user):
    for patron in Patron.objects.filter(user=user):
        patron.name = _("Erased patron")
        patron.card_number = f"ERASED-{patron.pk}"
        patron.email = ""
        patron.phone = ""
        patron.user = None
        patron.is_blocked = True
        patron.block_reason = _("Personal data erased")
        patron.save()
