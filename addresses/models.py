"""The address directory: localities, their streets and the house ranges of each street, each
range tied to its tariff region and grid company (and placed on the map, so that the nearest
offices and payment points can be found). Filled from CSV (`importer.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.addressing import HouseSpan, locality_key, street_key
from core.localized import in_default_locale
from disclosure.models import GridCompany
from disclosure.models.records import latitude_field, longitude_field
from search.text import stems
from tariffs.models import TariffRegion


class Locality(models.Model):
    name = models.CharField(max_length=100, unique=True, verbose_name=_("name"))
    key = models.CharField(max_length=100, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = locality_key(self.name)
        super().save(*args, **kwargs)


class Street(models.Model):
    locality = models.ForeignKey(
        Locality, on_delete=models.CASCADE, related_name="streets", verbose_name=_("locality")
    )
    name = models.CharField(
        max_length=150, verbose_name=_("name"), help_text=_("As on the signs, e.g. «улица Ленина».")
    )
    key = models.CharField(max_length=160, editable=False)
    # The stems of the street's and the locality's words, each after a space, so that a word
    # or its beginning is found with one `contains` whatever its case ending (search/text.py).
    search_text = models.CharField(max_length=400, editable=False)

    class Meta:
        ordering = ["locality__name", "name"]
        verbose_name = _("street")
        verbose_name_plural = _("streets")
        constraints = [
            models.UniqueConstraint(fields=["locality", "key"], name="unique_street_key")
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.locality}"

    def save(self, *args, **kwargs):
        self.key = street_key(self.name)
        words = stems(f"{self.name} {self.locality.name}")
        self.search_text = "".join(f" {word}" for word in words)
        super().save(*args, **kwargs)


class HouseRange(HouseSpan):
    street = models.ForeignKey(
        Street, on_delete=models.CASCADE, related_name="ranges", verbose_name=_("street")
    )
    tariff_region = models.ForeignKey(
        TariffRegion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tariff region"),
    )
    # A grid company removed from the disclosure records leaves its ranges without one (the
    # page says so) rather than blocking the removal. The Russian record: the address page
    # shows its translation (core/localized.py).
    grid_company = models.ForeignKey(
        GridCompany,
        limit_choices_to=in_default_locale,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("grid company"),
    )
    latitude = latitude_field()
    longitude = longitude_field()

    class Meta:
        ordering = ["street", "house_from", "parity"]
        verbose_name = _("house range")
        verbose_name_plural = _("house ranges")
        constraints = [
            models.UniqueConstraint(
                fields=["street", "house_from", "house_to", "parity"], name="unique_house_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.street}, {self.houses_label}"


class Subscription(models.Model):
    """An e-mail subscribed to the outages of some streets (personal data: only the group of
    `addresses/staff.py` sees the addresses). Unconfirmed after 7 days it is deleted; an
    unsubscribe deletes it at once."""

    email = models.EmailField(verbose_name=_("e-mail"))
    streets = models.ManyToManyField(
        Street, related_name="subscriptions", verbose_name=_("streets")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("confirmed"))
    consent_version = models.CharField(max_length=40, verbose_name=_("consent version"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outage alert subscription")
        verbose_name_plural = _("outage alert subscriptions")
        indexes = [models.Index(fields=["confirmed_at", "created_at"])]

    def __str__(self) -> str:
        return self.email


class AlertSent(models.Model):
    """One alert per subscription and version of a notice: the unique row is taken before the
    e-mail is queued, so a retried task never sends the same version twice."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    notice_type = models.CharField(max_length=40)  # the notice model's label
    notice_id = models.PositiveIntegerField()
    version = models.CharField(max_length=40)  # the published revision, or "cancelled-<id>"
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "notice_type", "notice_id", "version"],
                name="one_alert_per_notice_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.notice_type} {self.notice_id} v{self.version}"
