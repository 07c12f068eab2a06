"""The records of meter-reading intake: the registry of accounts and meters from the billing
system, the customers' submissions (with their history of corrections) and export batches
(§6.2 item 6, §7 table 3)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.phone import phone_model_field

from ..services import format_reading

READING_FIELD = {"max_digits": 12, "decimal_places": 3}


class Account(models.Model):
    """A customer's account (лицевой счёт) as the billing system knows it."""

    # No page references worth Wagtail's reference index here: skip that work on save.
    wagtail_reference_index_ignore = True

    number = models.CharField(_("account number"), max_length=20, unique=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number


class Meter(models.Model):
    """A meter of an account: its zones, decimals and the last reading billing accepted."""

    wagtail_reference_index_ignore = True

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="meters", verbose_name=_("account")
    )
    number = models.CharField(_("meter number"), max_length=30)
    zones = models.PositiveSmallIntegerField(
        _("zones"), choices=[(1, "1"), (2, "2"), (3, "3")], default=1
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimals"), default=0, help_text=_("Digits after the point the meter shows (0–3).")
    )
    last_t1 = models.DecimalField(_("last reading T1"), null=True, blank=True, **READING_FIELD)
    last_t2 = models.DecimalField(_("last reading T2"), null=True, blank=True, **READING_FIELD)
    last_t3 = models.DecimalField(_("last reading T3"), null=True, blank=True, **READING_FIELD)
    last_reading_date = models.DateField(_("date of the last reading"), null=True, blank=True)

    class Meta:
        verbose_name = _("meter")
        verbose_name_plural = _("meters")
        ordering = ["account__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["account", "number"], name="unique_meter_per_account"),
            models.CheckConstraint(
                condition=models.Q(zones__gte=1, zones__lte=3), name="meter_zones_1_to_3"
            ),
            models.CheckConstraint(condition=models.Q(decimals__lte=3), name="meter_decimals_0_3"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.account.number})"

    @property
    def last_readings(self) -> tuple[Decimal | None, ...]:
        return (self.last_t1, self.last_t2, self.last_t3)[: self.zones]


class ExportBatch(models.Model):
    """Readings exported together to the billing system; staff mark it transferred once the
    billing system has taken the file."""

    wagtail_reference_index_ignore = True

    period = models.DateField(_("billing period"))
    created_at = models.DateTimeField(_("exported"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("exported by"),
    )
    transferred_at = models.DateTimeField(_("transferred"), null=True, blank=True)

    class Meta:
        verbose_name = _("export batch")
        verbose_name_plural = _("export batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.period:%m.%Y} #{self.pk}"


class Submission(models.Model):
    """The current readings of a meter for a billing period: one row per meter and period
    (a database constraint); a correction replaces the values and keeps the old ones in
    SubmissionHistory."""

    wagtail_reference_index_ignore = True

    meter = models.ForeignKey(
        Meter, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("meter")
    )
    period = models.DateField(_("billing period"), help_text=_("The first day of the month."))
    reading_t1 = models.DecimalField(_("reading T1"), **READING_FIELD)
    reading_t2 = models.DecimalField(_("reading T2"), null=True, blank=True, **READING_FIELD)
    reading_t3 = models.DecimalField(_("reading T3"), null=True, blank=True, **READING_FIELD)
    confirmation_number = models.CharField(_("confirmation number"), max_length=20, unique=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = phone_model_field(verbose_name=_("phone"))
    consent_at = models.DateTimeField(_("consent given"))
    consent_policy_version = models.CharField(_("policy version"), max_length=64)
    flagged = models.BooleanField(_("flagged"), default=False)
    flag_reason = models.CharField(_("why flagged"), max_length=255, blank=True)
    batch = models.ForeignKey(
        ExportBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name=_("export batch"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("corrected"), auto_now=True)

    class Meta:
        verbose_name = _("meter reading")
        verbose_name_plural = _("meter readings")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meter", "period"], name="one_submission_per_meter_and_period"
            )
        ]
        indexes = [models.Index(fields=["period", "flagged"])]

    def __str__(self) -> str:
        return self.confirmation_number

    @property
    def readings(self) -> tuple[Decimal, ...]:
        values = (self.reading_t1, self.reading_t2, self.reading_t3)
        return tuple(value for value in values if value is not None)

    def _readings_display(self) -> str:
        return " / ".join(format_reading(value) for value in self.readings)

    _readings_display.short_description = _("readings, kWh")
    readings_display = property(_readings_display)

    @property
    def exported(self) -> bool:
        return self.batch_id is not None

    def history_display(self) -> str:
        """The readings this submission replaced, newest first (for staff)."""
        return "; ".join(
            f"{item.confirmation_number}: {item.readings_display} "
            f"({timezone.localtime(item.submitted_at):%d.%m.%Y %H:%M})"
            for item in self.history.all()
        )

    history_display.short_description = _("earlier readings")


class SubmissionHistory(models.Model):
    """Earlier readings of a submission, kept when a correction replaced them."""

    wagtail_reference_index_ignore = True

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="history", verbose_name=_("submission")
    )
    confirmation_number = models.CharField(_("confirmation number"), max_length=20)
    reading_t1 = models.DecimalField(_("reading T1"), **READING_FIELD)
    reading_t2 = models.DecimalField(_("reading T2"), null=True, blank=True, **READING_FIELD)
    reading_t3 = models.DecimalField(_("reading T3"), null=True, blank=True, **READING_FIELD)
    submitted_at = models.DateTimeField(_("received"))
    replaced_at = models.DateTimeField(_("replaced"), auto_now_add=True)

    class Meta:
        verbose_name = _("earlier reading")
        verbose_name_plural = _("earlier readings")
        ordering = ["-replaced_at"]

    def __str__(self) -> str:
        return self.confirmation_number

    @property
    def readings_display(self) -> str:
        values = (self.reading_t1, self.reading_t2, self.reading_t3)
        return " / ".join(format_reading(value) for value in values if value is not None)
