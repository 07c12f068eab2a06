"""Home-visit requests of lone customers with a disability or over 65 (§8.4)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.phone import phone_model_field

from ..choices import ReceivedVia, VisitGround, VisitStatus
from .appeals import MESSAGE_MAX_LENGTH


class HomeVisitRequest(models.Model):
    number = models.CharField(_("registration number"), max_length=20, unique=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    received_via = models.CharField(
        _("received via"), max_length=10, choices=ReceivedVia.choices, default=ReceivedVia.SITE
    )
    name = models.CharField(_("full name"), max_length=255)
    phone = phone_model_field(verbose_name=_("phone"), blank=False)
    postal_address = models.CharField(_("address of the visit"), max_length=500)
    account_number = models.CharField(_("account number"), max_length=30, db_index=True)
    ground = models.CharField(_("ground"), max_length=20, choices=VisitGround.choices)
    lives_alone = models.BooleanField(_("lives alone"))
    message = models.TextField(
        _("what the visit is about"), blank=True, max_length=MESSAGE_MAX_LENGTH
    )
    consent_at = models.DateTimeField(_("consent given"))
    consent_policy_version = models.CharField(_("policy version"), max_length=100)
    visit_due_date = models.DateField(_("visit due by"))
    visit_date = models.DateField(_("visit date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=VisitStatus.choices, default=VisitStatus.NEW
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    # As Appeal.submission_key: a repeated sending finds this request.
    submission_key = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("home-visit request")
        verbose_name_plural = _("home-visit requests")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission_key"],
                condition=~models.Q(submission_key=""),
                name="homevisitrequest_sent_once",
            )
        ]

    def __str__(self) -> str:
        return self.number
