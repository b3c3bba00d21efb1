"""Patrons who borrow, and the loan rules that say how much and for how long."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ui.search import FoldedAutocompleteField

from ..conf import library_settings
from .catalogue import Centre, Material


class PatronCategory(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    PARENT = "parent", _("Parent")
    PRINCIPAL = "principal", _("Principal")
    TRAINER = "trainer", _("Trainer")
    OTHER = "other", _("Other")


def generate_card_number():
    while True:
        candidate = f"P{secrets.randbelow(10**9):09d}"
        if not Patron.objects.filter(card_number=candidate).exists():
            return candidate


class Patron(index.Indexed, models.Model):
    """Someone who may borrow: a platform user, or an outside person with a card only.

    Personal data is kept to what lending needs: a name, one way to reach
    them, their category and home centre.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("platform user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_patron",
    )
    name = models.CharField(_("name"), max_length=200)
    card_number = models.CharField(
        _("card number"),
        max_length=40,
        unique=True,
        blank=True,
        help_text=_("Leave empty to generate one."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=PatronCategory.choices,
        default=PatronCategory.TEACHER,
    )
    home_centre = models.ForeignKey(
        Centre, verbose_name=_("home centre"), on_delete=models.PROTECT, related_name="patrons"
    )
    expires_on = models.DateField(_("card expires on"), null=True, blank=True)
    is_blocked = models.BooleanField(_("blocked"), default=False)
    block_reason = models.CharField(_("reason for the block"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("user"),
        FieldPanel("card_number"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("category"),
        FieldPanel("home_centre"),
        FieldPanel("expires_on"),
        FieldPanel("is_blocked"),
        FieldPanel("block_reason"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        FoldedAutocompleteField("name"),
        index.SearchField("card_number"),
        index.FilterField("home_centre"),
    ]

    class Meta:
        verbose_name = _("patron")
        verbose_name_plural = _("patrons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.card_number})"

    def save(self, *args, **kwargs):
        if not self.card_number:
            self.card_number = generate_card_number()
        if self._state.adding and self.expires_on is None:
            self.expires_on = timezone.localdate() + timedelta(
                days=library_settings.CARD_VALID_DAYS
            )
        self.card_number = self.card_number.strip().upper()
        super().save(*args, **kwargs)

    @property
    def contact_email(self):
        return self.email or (self.user.email if self.user_id else "")


@dataclass(frozen=True)
class Terms:
    """The terms that apply to one loan or hold, whether from a rule or the defaults."""

    loan_days: int
    renewals_allowed: int
    max_loans: int
    max_holds: int
    holds_allowed: bool = True
    # Days a renewal adds, counted from the later of today and the due date (Koha's
    # rule); None: the loan period.
    renewal_days: int | None = None

    @property
    def renewal_period(self):
        return self.renewal_days if self.renewal_days is not None else self.loan_days


class LoanRule(models.Model):
    """Loan terms for a centre × patron category × material kind; empty means "any".

    The most specific matching rule wins (centre beats category beats kind);
    with no match the ``LIBRARY`` defaults apply.
    """

    centre = models.ForeignKey(
        Centre,
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="loan_rules",
        help_text=_("Empty: every centre."),
    )
    category = models.CharField(
        _("patron category"),
        max_length=20,
        choices=PatronCategory.choices,
        blank=True,
        help_text=_("Empty: every category."),
    )
    kind = models.CharField(
        _("material kind"),
        max_length=20,
        choices=Material.Kind.choices,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    loan_days = models.PositiveSmallIntegerField(_("loan period (days)"), default=21)
    renewals_allowed = models.PositiveSmallIntegerField(_("renewals allowed"), default=2)
    renewal_days = models.PositiveSmallIntegerField(
        _("renewal period (days)"),
        null=True,
        blank=True,
        help_text=_(
            "Days each renewal adds, counted from the due date (or from today when the "
            "loan is overdue). Empty: the loan period."
        ),
    )
    max_loans = models.PositiveSmallIntegerField(_("items allowed at once"), default=10)
    max_holds = models.PositiveSmallIntegerField(_("holds allowed"), default=5)

    panels = [
        FieldPanel("centre"),
        FieldPanel("category"),
        FieldPanel("kind"),
        FieldPanel("loan_days"),
        FieldPanel("renewals_allowed"),
        FieldPanel("renewal_days"),
        FieldPanel("max_loans"),
        FieldPanel("max_holds"),
    ]

    class Meta:
        verbose_name = _("loan rule")
        verbose_name_plural = _("loan rules")
        ordering = ["centre__name", "category", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "category", "kind"],
                condition=Q(centre__isnull=False),
                name="library_rule_unique_per_centre",
            ),
            models.UniqueConstraint(
                fields=["category", "kind"],
                condition=Q(centre__isnull=True),
                name="library_rule_unique_network",
            ),
        ]

    def __str__(self):
        return " × ".join(
            [
                str(self.centre or _("any centre")),
                self.get_category_display() or str(_("any category")),
                self.get_kind_display() or str(_("any kind")),
            ]
        )

    @property
    def terms(self):
        return Terms(
            loan_days=self.loan_days,
            renewals_allowed=self.renewals_allowed,
            max_loans=self.max_loans,
            max_holds=self.max_holds,
            holds_allowed=self.max_holds > 0,
            renewal_days=self.renewal_days,
        )

    @classmethod
    def terms_for(cls, centre, category, kind):
        """The terms for lending a ``kind`` of material to a ``category`` at ``centre``."""
        candidates = cls.objects.filter(
            Q(centre=centre) | Q(centre__isnull=True),
            Q(category=category) | Q(category=""),
            Q(kind=kind) | Q(kind=""),
        )
        best = max(
            candidates,
            key=lambda r: (r.centre_id is not None, r.category != "", r.kind != ""),
            default=None,
        )
        if best is not None:
            return best.terms
        return Terms(
            loan_days=library_settings.DEFAULT_LOAN_DAYS,
            renewals_allowed=library_settings.DEFAULT_RENEWALS,
            max_loans=library_settings.DEFAULT_MAX_LOANS,
            max_holds=library_settings.DEFAULT_MAX_HOLDS,
        )
