"""The platform's user model.

A custom user model from the first migration, so that later fields (role,
institution, district: see the cohorts work) can be added without a swap.
Email is unique (case-insensitively) because it is how teachers sign in to
recover their account.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: learner, trainer, centre staff or administrator."""

    email = models.EmailField(_("email address"), blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_unique_ci",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username
