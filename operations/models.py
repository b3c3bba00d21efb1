"""Records that make background work safe to repeat.

A worker can be killed at any moment, and a task it was running is then run
again (see :mod:`operations.jobs`). :class:`CompletedEffect` is how a task
makes sure its effect (an email, a stored file, a daily run) happens once: the
row is written in the same transaction as the effect, so either both are
there or neither is.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletedEffect(models.Model):
    """An effect, named by a key such as ``certificate-email:42``, that has happened."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    done_at = models.DateTimeField(_("done"), auto_now_add=True)

    class Meta:
        verbose_name = _("completed effect")
        verbose_name_plural = _("completed effects")

    def __str__(self):
        return self.key
