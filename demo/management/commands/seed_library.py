"""Build the library's demo: nine centres, a catalogue of 50+ materials, copies, patrons,
loan rules and a day's worth of circulation (open, overdue and returned loans, holds,
a copy in transit).

Idempotent: records that exist are left alone, missing ones are created;
circulation is made (through :mod:`library.services`, as at the desk) only
when there is none yet. The platform users ``teacher`` and ``student``, if
they exist, get library cards; ``centre`` joins the staff of Baku centre 1.
Every centre also gets a desk account that cannot sign in (``library-<code>``),
so the demo loans there have someone who lent them.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search import index

from demo.content_library import CENTRES, FORMATS, LANGUAGES, MATERIALS, PATRONS, SUBJECTS
from library import services
from library.models import (
    AccessibleFormat,
    Centre,
    CentreStaff,
    Copy,
    Language,
    Loan,
    LoanRule,
    Material,
    Patron,
    Subject,
)
from library.roles import ensure_staff_group
from ui.translated import localized_values

# Materials on these subjects point to live course pages whose titles contain the words.
RELATED_PAGES = {
    "udl": "universal design",
    "iep": "education plan",
    "parents": "parents",
    "inclusive-policy": "inclusive",
}

# Network-wide loan rules; anything else falls back to the LIBRARY defaults.
RULES = [
    # centre code, category, kind, loan days, renewals, max loans, max holds
    (None, "", "device", 14, 1, 10, 5),
    (None, "", "kit", 14, 1, 10, 5),
    (None, "parent", "", 21, 2, 3, 3),
    (None, "trainer", "", 42, 3, 20, 10),
    ("bak1", "", "multimedia", 7, 1, 10, 5),
]


class Command(BaseCommand):
    help = "Create the library demo: centres, catalogue, copies, patrons and loans (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            group = ensure_staff_group()
            centres = self.centres(group)
            self.rules(centres)
            materials = self.catalogue()
            self.copies(materials, centres)
            patrons = self.patrons(centres)
            if not Loan.objects.exists():
                self.circulation(centres, patrons)
        self.stdout.write(
            self.style.SUCCESS(
                f"Library demo ready: {Centre.objects.count()} centres, "
                f"{Material.objects.count()} materials, {Copy.objects.count()} copies, "
                f"{Patron.objects.count()} patrons, "
                f"{Loan.objects.filter(returned_at__isnull=True).count()} open loans."
            )
        )

    def centres(self, group):
        User = get_user_model()
        centres = {}
        for code, district, names in CENTRES:
            values = {"name": names["en"][0], "address": names["en"][1]}
            for language, (name, address) in names.items():
                values[f"name_{language}"], values[f"address_{language}"] = name, address
            centre, _created = Centre.objects.get_or_create(
                code=code,
                defaults={**values, "district": district, "email": f"{code}@resurs.example.az"},
            )
            centres[code] = centre
            desk, created = User.objects.get_or_create(
                username=f"library-{code}",
                defaults={"first_name": "Desk", "last_name": code.upper()},
            )
            if created:
                desk.set_unusable_password()
                desk.save()
            desk.groups.add(group)
            CentreStaff.objects.get_or_create(centre=centre, user=desk)
        demo_staff = User.objects.filter(username="centre").first()
        if demo_staff is not None:
            demo_staff.groups.add(group)
            CentreStaff.objects.get_or_create(centre=centres["bak1"], user=demo_staff)
        return centres

    def rules(self, centres):
        for code, category, kind, days, renewals, loans, holds in RULES:
            LoanRule.objects.get_or_create(
                centre=centres[code] if code else None,
                category=category,
                kind=kind,
                defaults={
                    "loan_days": days,
                    "renewals_allowed": renewals,
                    "max_loans": loans,
                    "max_holds": holds,
                },
            )

    def catalogue(self):
        subjects = {}
        for slug, name in SUBJECTS:
            subjects[slug], _created = Subject.objects.get_or_create(
                slug=slug, defaults=localized_values("name", name)
            )
        languages = {
            code: Language.objects.get_or_create(code=code, defaults={"name": name})[0]
            for code, name in LANGUAGES
        }
        formats = {
            code: AccessibleFormat.objects.get_or_create(code=code, defaults={"name": name})[0]
            for code, name in FORMATS
        }
        materials = []
        for title, authors, kind, langs, fmts, audience, subject_slugs, description in MATERIALS:
            material, created = Material.objects.get_or_create(
                title=title,
                defaults={
                    "authors": authors,
                    "kind": kind,
                    "audience": audience,
                    "description": description,
                },
            )
            if created:
                material.languages.set([languages[code] for code in langs])
                material.formats.set([formats[code] for code in fmts])
                material.subjects.set([subjects[slug] for slug in subject_slugs])
                words = [RELATED_PAGES[slug] for slug in subject_slugs if slug in RELATED_PAGES]
                if words:
                    material.related_pages.set(
                        Page.objects.live().filter(depth__gt=2, title__icontains=words[0])[:2]
                    )
                index.insert_or_update_object(material)
            materials.append(material)
        return materials

    def copies(self, materials, centres):
        rng = random.Random(2026)
        codes = list(centres)
        for number, material in enumerate(materials, start=1):
            if material.copies.exists():
                continue
            count = 2 if material.kind == Material.Kind.DEVICE else rng.randint(2, 6)
            homes = rng.sample(codes, k=len(codes))
            for k in range(count):
                home = centres[homes[k]]
                Copy.objects.create(
                    material=material,
                    home_centre=home,
                    current_centre=home,
                    barcode=f"{home.code.upper()}{number:04d}{k + 1:02d}",
                    shelf_mark=f"{slugify(material.kind)[:3].upper()}-{number:03d}",
                    condition=rng.choice(["new", "good", "good", "worn"]),
                )

    def patrons(self, centres):
        User = get_user_model()
        today = timezone.localdate()
        patrons = {}
        for card, name, category, home, username in PATRONS:
            user = User.objects.filter(username=username).first() if username else None
            patron = Patron.objects.filter(card_number=card).first()
            if patron is None:
                patron = Patron.objects.create(
                    card_number=card,
                    name=name,
                    category=category,
                    home_centre=centres[home],
                    user=user if user and not Patron.objects.filter(user=user).exists() else None,
                    email="" if user else f"{card.lower()}@example.org",
                    expires_on=today + timedelta(days=730),
                )
            elif patron.user_id is None and user and not Patron.objects.filter(user=user).exists():
                patron.user = user
                patron.save(update_fields=["user"])
            patrons[card] = patron
        return patrons

    def circulation(self, centres, patrons):
        """Loans, returns and holds, made through the services with past dates."""
        now = timezone.now()
        desks = {code: get_user_model().objects.get(username=f"library-{code}") for code in centres}

        def free(centre, skip=0):
            return (
                Copy.objects.filter(current_centre=centre, status=Copy.Status.AVAILABLE)
                .order_by("barcode")[skip : skip + 1]
                .get()
            )

        def lend(code, card, days_ago, skip=0):
            copy = free(centres[code], skip)
            return services.checkout(
                desks[code],
                centres[code],
                patrons[card],
                copy.barcode,
                now=now - timedelta(days=days_ago),
            )

        # The demo teacher: one loan due soon, one overdue, one fresh.
        lend("bak1", "P0000001", 19)
        lend("bak1", "P0000001", 35)
        lend("bak1", "P0000001", 2)
        # The demo student and outside patrons across the network.
        lend("bak1", "P0000002", 10)
        lend("bak1", "P0000003", 30)  # a parent, overdue
        lend("bak2", "P0000004", 5)
        lend("bak2", "P0000005", 40)  # overdue
        lend("sum", "P0000006", 12)
        lend("sum", "P0000013", 25)  # overdue
        lend("gan1", "P0000007", 3)
        lend("gan2", "P0000008", 8)
        lend("quba", "P0000009", 20)
        lend("seki", "P0000010", 28)  # overdue
        lend("agc", "P0000011", 6)
        lend("qaz", "P0000012", 1)
        # History: returned loans, so reports have months to show.
        for code, card, days_ago in [
            ("bak1", "P0000014", 70),
            ("bak1", "P0000002", 50),
            ("gan1", "P0000007", 45),
            ("bak2", "P0000004", 65),
            ("sum", "P0000006", 55),
            ("seki", "P0000010", 90),
        ]:
            loan = lend(code, card, days_ago)
            services.checkin(
                desks[code],
                centres[code],
                loan.copy.barcode,
                now=now - timedelta(days=days_ago - 14),
            )
        # Holds: queue for what the demo teacher has out, one ready on the shelf,
        # one filled from another centre (in transit).
        teacher_loan = Loan.objects.filter(patron=patrons["P0000001"], returned_at__isnull=True)
        wanted = teacher_loan.order_by("issued_at").first().copy.material
        services.place_hold(
            patrons["P0000003"], wanted, centres["bak1"], now=now - timedelta(days=4)
        )
        services.place_hold(
            patrons["P0000014"], wanted, centres["bak1"], now=now - timedelta(days=2)
        )
        shelf_copy = free(centres["bak1"], skip=3)
        services.place_hold(
            patrons["P0000002"], shelf_copy.material, centres["bak1"], now=now - timedelta(days=1)
        )
        services.checkin(desks["bak1"], centres["bak1"], shelf_copy.barcode)
        far_copy = free(centres["gan1"], skip=1)
        services.place_hold(patrons["P0000012"], far_copy.material, centres["qaz"])
        services.checkin(desks["gan1"], centres["gan1"], far_copy.barcode)
