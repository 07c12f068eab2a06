"""The ground floor's own records: the e-mail outbox and the rate limits' fallback counters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """An e-mail to a customer, stored in the same transaction as the record that caused it,
    so that a failed send is retried or shown to staff, never lost. See core/outbox.py."""

    recipient = models.EmailField(verbose_name=_("recipient"))
    subject = models.CharField(max_length=255, verbose_name=_("subject"))
    body = models.TextField(verbose_name=_("text"))
    # E.g. List-Unsubscribe on an alert a customer subscribed to.
    headers = models.JSONField(default=dict, blank=True, verbose_name=_("headers"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    last_error = models.CharField(max_length=255, blank=True, verbose_name=_("last error"))
    next_attempt_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("next attempt"),
        help_text=_("After a failure the next attempt waits longer each time; empty: at once."),
    )

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["sent_at", "next_attempt_at"], name="outbox_due_idx"),
        ]

    def __str__(self) -> str:
        return self.subject


class RateLimitCount(models.Model):
    """A rate-limit counter kept in the database while the shared cache (Redis) is down, so a
    limit that guards against guessing holds through an outage (core/ratelimit.py). `key`
    names the scope, the hashed client or subject, and the window."""

    key = models.CharField(max_length=150, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key
