"""The catalogue: resource centres, materials and the copies each centre holds."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ui.search import FoldedAutocompleteField
from ui.translated import localized_panels


class District(models.TextChoices):
    BAKU = "baku", _("Baku")
    SUMGAYIT = "sumgayit", _("Sumgayit")
    GANJA = "ganja", _("Ganja")
    GUBA = "guba", _("Guba")
    SHAKI = "shaki", _("Shaki")
    AGJABADI = "agjabadi", _("Agjabadi")
    GAZAKH = "gazakh", _("Gazakh")


class Centre(models.Model):
    """An inclusive-education resource centre: a branch of the lending network.

    ``code`` is short and stable; it prefixes the barcodes of copies made here
    and names the centre in desk URLs.
    """

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=12, unique=True)
    district = models.CharField(_("district"), max_length=20, choices=District.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff"),
        through="CentreStaff",
        related_name="library_centres",
        blank=True,
    )

    panels = [
        *localized_panels("name"),
        FieldPanel("code"),
        FieldPanel("district"),
        *localized_panels("address", heading=_("Address")),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("staff"),
    ]

    class Meta:
        verbose_name = _("resource centre")
        verbose_name_plural = _("resource centres")
        ordering = ["district", "name"]

    def __str__(self):
        return self.name


class CentreStaff(models.Model):
    """A user who works at a centre's desk: they lend, return and count its copies."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="library_memberships",
    )

    class Meta:
        verbose_name = _("centre staff member")
        verbose_name_plural = _("centre staff")
        constraints = [
            models.UniqueConstraint(fields=["centre", "user"], name="library_staff_unique")
        ]

    def __str__(self):
        return f"{self.user} @ {self.centre}"


class Subject(models.Model):
    """A subject heading materials are filed under (autism, sign language, UDL...)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    panels = [*localized_panels("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Language(models.Model):
    """A language a material is available in; a lookup row so it can be filtered on."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AccessibleFormat(models.Model):
    """An accessible format (braille, large print, audio, easy-read, sign video, tactile).

    Named in every language (``library.translation``): its name reads in the visitor's.
    """

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = _("accessible format")
        verbose_name_plural = _("accessible formats")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Material(index.Indexed, models.Model):
    """A title in the catalogue: a book, guide, device or kit, whatever its copies."""

    class Kind(models.TextChoices):
        BOOK = "book", _("Book")
        GUIDE = "guide", _("Guide")
        TOOLKIT = "toolkit", _("Toolkit")
        DEVICE = "device", _("Assistive device")
        GAME = "game", _("Game")
        MULTIMEDIA = "multimedia", _("Multimedia")
        KIT = "kit", _("Kit")

    class Audience(models.TextChoices):
        TEACHERS = "teachers", _("Teachers")
        PARENTS = "parents", _("Parents")
        CHILDREN = "children", _("Children")
        PRINCIPALS = "principals", _("School leaders")
        EVERYONE = "everyone", _("Everyone")

    title = models.CharField(_("title"), max_length=300)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BOOK)
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), blank=True)
    # ISBN where there is one, else a publisher's or manufacturer's number.
    identifier = models.CharField(_("identifier (ISBN)"), max_length=40, blank=True)
    subjects = models.ManyToManyField(Subject, verbose_name=_("subjects"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.TEACHERS
    )
    formats = models.ManyToManyField(
        AccessibleFormat, verbose_name=_("accessible formats"), blank=True
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related_pages = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("related courses or lessons"),
        blank=True,
        related_name="+",
    )
    digital_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("digital file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("authors"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("identifier"),
                FieldPanel("publisher"),
                FieldPanel("year"),
            ],
            heading=_("Details"),
        ),
        FieldPanel("languages"),
        FieldPanel("formats"),
        FieldPanel("subjects"),
        FieldPanel("description"),
        FieldPanel("cover_image"),
        FieldPanel("digital_file"),
        FieldPanel("related_pages"),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("authors", boost=2),
        index.SearchField("description"),
        index.SearchField("identifier"),
        index.RelatedFields(
            "subjects", [index.SearchField("name"), FoldedAutocompleteField("name")]
        ),
        index.FilterField("kind"),
        # What the catalogue, its API and the desk search (ui.search): folded text of
        # every field a reader may remember, matched by word stems as prefixes.
        FoldedAutocompleteField("title"),
        FoldedAutocompleteField("authors"),
        FoldedAutocompleteField("description"),
        FoldedAutocompleteField("identifier"),
        index.RelatedFields("formats", [FoldedAutocompleteField("name")]),
    ]

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["title"]

    def __str__(self):
        return self.title


def generate_barcode(centre_code):
    """A new, unused barcode: the centre's code and ten random digits (Code 128 prints both)."""
    prefix = centre_code.upper().replace("-", "")[:6]
    while True:
        candidate = f"{prefix}{secrets.randbelow(10**10):010d}"
        if not Copy.objects.filter(barcode=candidate).exists():
            return candidate


class Copy(models.Model):
    """One physical item of a material, with its barcode, where it belongs and where it is.

    ``status`` is written only by :mod:`library.services`; ``current_centre``
    is where the copy is (or, in transit, where it was sent from).
    """

    class Status(models.TextChoices):
        AVAILABLE = "available", _("Available")
        ON_LOAN = "on_loan", _("On loan")
        AWAITING_PICKUP = "awaiting_pickup", _("Awaiting pickup")
        IN_TRANSIT = "in_transit", _("In transit")
        LOST = "lost", _("Lost")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Condition(models.TextChoices):
        NEW = "new", _("New")
        GOOD = "good", _("Good")
        WORN = "worn", _("Worn")
        DAMAGED = "damaged", _("Damaged")

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.PROTECT, related_name="copies"
    )
    home_centre = models.ForeignKey(
        Centre, verbose_name=_("home centre"), on_delete=models.PROTECT, related_name="+"
    )
    current_centre = models.ForeignKey(
        Centre,
        verbose_name=_("current centre"),
        on_delete=models.PROTECT,
        related_name="copies_here",
        blank=True,
        help_text=_("Where the copy is now; leave empty for its home centre."),
    )
    barcode = models.CharField(
        _("barcode"),
        max_length=40,
        unique=True,
        blank=True,
        help_text=_("Leave empty to generate one."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AVAILABLE
    )
    condition = models.CharField(
        _("condition"), max_length=20, choices=Condition.choices, default=Condition.GOOD
    )
    shelf_mark = models.CharField(_("shelf mark"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    panels = [
        FieldPanel("material"),
        FieldPanel("home_centre"),
        FieldPanel("current_centre"),
        FieldPanel("barcode"),
        FieldPanel("condition"),
        FieldPanel("shelf_mark"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("copy")
        verbose_name_plural = _("copies")
        ordering = ["barcode"]
        indexes = [
            models.Index(fields=["current_centre", "status"], name="library_copy_centre_status"),
            models.Index(fields=["material", "status"], name="library_copy_material_status"),
        ]

    def __str__(self):
        return f"{self.barcode} · {self.material}"

    def save(self, *args, **kwargs):
        if not self.barcode:
            self.barcode = generate_barcode(self.home_centre.code)
        self.barcode = self.barcode.strip().upper()
        if self.current_centre_id is None:
            self.current_centre_id = self.home_centre_id
        super().save(*args, **kwargs)
