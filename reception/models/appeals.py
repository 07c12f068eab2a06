"""Appeals, their attachments and their audit trail (§9.2, §11)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.phone import phone_model_field

from ..choices import (
    OPEN_STATUSES,
    Action,
    AnswerChannel,
    AppealType,
    CustomerType,
    NotConsideredReason,
    ReceivedVia,
    Status,
    Topic,
)
from ..files import private_storage

# The longest text an appeal or a visit request may carry (a few printed pages).
MESSAGE_MAX_LENGTH = 10_000


class AppealQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

    def due_within(self, days: int, today=None):
        today = today or timezone.localdate()
        return self.open().filter(
            due_date__gte=today, due_date__lte=today + timezone.timedelta(days=days)
        )


class Appeal(models.Model):
    """A written appeal from the virtual reception. Personal data: staff of the appeals group
    only (see reception/wagtail_hooks.py)."""

    number = models.CharField(_("registration number"), max_length=20, unique=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    received_via = models.CharField(
        _("received via"), max_length=10, choices=ReceivedVia.choices, default=ReceivedVia.SITE
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    appeal_type = models.CharField(_("type of appeal"), max_length=20, choices=AppealType.choices)
    customer_type = models.CharField(_("customer"), max_length=20, choices=CustomerType.choices)
    name = models.CharField(_("full name or organisation"), max_length=255)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = phone_model_field(verbose_name=_("phone"))
    postal_address = models.CharField(_("postal address"), max_length=500, blank=True)
    account_number = models.CharField(_("account number"), max_length=30, blank=True)
    # Enforced by the form on the server too, not only by the browser's maxlength.
    message = models.TextField(_("text of the appeal"), max_length=MESSAGE_MAX_LENGTH)
    answer_channel = models.CharField(_("answer by"), max_length=10, choices=AnswerChannel.choices)
    # 152-FZ: the consent, when it was given and to which version of the policy.
    consent_at = models.DateTimeField(_("consent given"))
    consent_policy_version = models.CharField(_("policy version"), max_length=100)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    due_date = models.DateField(_("due date"), db_index=True)
    original_due_date = models.DateField(_("original due date"))
    executor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("executor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interim_reply = models.TextField(_("interim reply"), blank=True)
    interim_reply_at = models.DateTimeField(_("interim reply sent"), null=True, blank=True)
    extended = models.BooleanField(_("term extended"), default=False)
    # §9.2: the answer names the executor and the executor's phone.
    answer = models.TextField(_("answer"), blank=True)
    answer_executor_name = models.CharField(_("executor's full name"), max_length=255, blank=True)
    answer_executor_phone = models.CharField(_("executor's phone"), max_length=40, blank=True)
    answer_channel_used = models.CharField(
        _("answer sent by"), max_length=10, choices=AnswerChannel.choices, blank=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    not_considered_reason = models.CharField(
        _("reason not considered"), max_length=30, choices=NotConsideredReason.choices, blank=True
    )
    customer_told_at = models.DateTimeField(_("customer notified"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The form's one-time token joined with what was sent (core.forms.SentOnce): a repeated
    # sending finds this appeal instead of registering another.
    submission_key = models.CharField(max_length=64, blank=True, editable=False)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-received_at"]
        permissions = [("assign_appeal", "Can assign an executor to an appeal")]
        indexes = [models.Index(fields=["status", "due_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["submission_key"],
                condition=~models.Q(submission_key=""),
                name="appeal_sent_once",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date < timezone.localdate()

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return timezone.localtime(self.answered_at).date() <= self.due_date


def attachment_path(instance: "AppealAttachment", filename: str) -> str:
    # A random name: the customer's file name may itself be personal data.
    return f"appeals/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{instance.extension}"


class AppealAttachment(models.Model):
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField(_("size, bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class AppealEvent(models.Model):
    """The audit trail: who did what to an appeal, and when."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    details = models.TextField(_("details"), blank=True)

    class Meta:
        verbose_name = _("appeal event")
        verbose_name_plural = _("appeal events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.appeal_id} {self.action}"
