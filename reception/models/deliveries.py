"""What is sent to the customer about an appeal (§9.2, §10.2, §11): every answer, interim
reply and §9.2 notice goes by the channel the customer chose. E-mail leaves through the
outbox at once; a letter or a call is a task for staff, and the customer counts as told only
when a person marks it done."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import AnswerChannel
from .appeals import Appeal


class DeliveryKind(models.TextChoices):
    ANSWER = "answer", _("Answer")
    INTERIM = "interim", _("Interim reply")
    NOTICE = "notice", _("Notice (§9.2)")


class DeliveryQuerySet(models.QuerySet):
    def open_tasks(self):
        """Letters to print and post, calls to make: not yet marked done."""
        return self.filter(done_at__isnull=True).exclude(channel=AnswerChannel.EMAIL)


class Delivery(models.Model):
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(_("what"), max_length=10, choices=DeliveryKind.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=AnswerChannel.choices)
    # §11: the customer's channel unless staff record why another one was used.
    other_channel_reason = models.CharField(_("why another channel"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_note = models.CharField(
        _("note"),
        max_length=500,
        blank=True,
        help_text=_("E.g. the registered letter's number or who answered the call."),
    )

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter or call")
        verbose_name_plural = _("letters and calls")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["done_at", "channel"])]

    def __str__(self) -> str:
        return f"{self.appeal.number}: {self.get_kind_display()} ({self.get_channel_display()})"
