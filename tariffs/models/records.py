"""Tariff records: regions and the periods of a tariff with their rates (§6.2 item 8).

A period is the rates of one region, customer category and metering option from a date. It
is a snippet with drafts, revisions and a moderation workflow: an editor enters a change
ahead of time and submits it, an approver publishes it, and the public page switches to it
on its first day by itself.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from .. import calculator, periods, zones

ZONE_CHOICES = list(zones.ZONE_LABELS.items())
OPTION_CHOICES = list(zones.OPTION_LABELS.items())


class CustomerCategory(models.TextChoices):
    URBAN_GAS = "urban_gas", _("households in towns, with gas stoves")
    URBAN_ELECTRIC = "urban_electric", _("households in towns, with electric stoves")
    RURAL = "rural", _("rural households")
    EQUATED = "equated", _("categories equated to households")


class PriceComponentKind(models.TextChoices):
    ENERGY = "energy", _("electricity and capacity")
    TRANSMISSION = "transmission", _("transmission over the grid")
    SALES = "sales", _("supplier's sales markup")
    INFRASTRUCTURE = "infrastructure", _("infrastructure services")


class TariffRegion(models.Model):
    name = models.CharField(
        max_length=120, verbose_name=_("name"), help_text=_("As customers know it, e.g. Москва.")
    )
    name_en = models.CharField(
        max_length=120, blank=True, verbose_name=_("name in English"), help_text=_("E.g. Moscow.")
    )
    slug = models.SlugField(
        unique=True,
        verbose_name=_("code"),
        help_text=_("Latin letters for links and downloads, e.g. moscow."),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, verbose_name=_("order"), help_text=_("Smaller numbers come first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("tariff region")
        verbose_name_plural = _("tariff regions")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class TariffPeriodForm(WagtailAdminModelForm):
    """Checks that need the inline rows: the zones and their hours."""

    def clean(self):
        cleaned = super().clean()
        option = cleaned.get("metering_option")
        if not option:
            return cleaned
        rates = self._rows("rates", ("zone", "band_up_to"))
        if rates is not None:
            for message in zones.rates_errors(option, rates):
                self.add_error(None, message)
            region = cleaned.get("region")
            message = region and zones.banding_error(rates, self._region_banded(region))
            if message:
                self.add_error(None, message)
        hours = self._rows("zone_hours", ("zone", "start", "end"))
        if hours is not None:
            for message in zones.zone_hours_errors(option, hours):
                self.add_error(None, message)
        return cleaned

    def _region_banded(self, region: "TariffRegion") -> bool | None:
        published = TariffRate.objects.filter(period__region=region, period__live=True)
        if self.instance.pk:
            published = published.exclude(period=self.instance)
        if not published.exists():
            return None
        return published.filter(band_up_to__isnull=False).exists()

    def _rows(self, name: str, keys: tuple[str, ...]) -> list[tuple] | None:
        """The inline rows as tuples, or None while the rows themselves have errors (they
        are shown next to the rows; checking them together would only add noise)."""
        formset = self.formsets.get(name)
        if formset is None or not formset.is_valid():
            return None
        return [
            tuple(form.cleaned_data.get(key) for key in keys)
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


class TariffPeriod(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    region = models.ForeignKey(
        TariffRegion, on_delete=models.PROTECT, related_name="periods", verbose_name=_("region")
    )
    category = models.CharField(
        max_length=20, choices=CustomerCategory.choices, verbose_name=_("customer category")
    )
    metering_option = models.CharField(
        max_length=20, choices=OPTION_CHOICES, verbose_name=_("metering option")
    )
    valid_from = models.DateField(
        verbose_name=_("in force from"), help_text=_("The first day the rates apply.")
    )
    valid_to = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("in force until"),
        help_text=_(
            "The last day the rates apply. Leave empty: in force until the next period starts."
        ),
    )
    regulator = models.CharField(
        max_length=255,
        verbose_name=_("regulator"),
        help_text=_("The body that set the rates, e.g. Департамент экономической политики."),
    )
    decision_number = models.CharField(
        max_length=60, verbose_name=_("decision number"), help_text=_("E.g. 512-ТР.")
    )
    decision_date = models.DateField(verbose_name=_("decision date"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decision document"),
        help_text=_("The regulator's decision as published (PDF)."),
    )

    base_form_class = TariffPeriodForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("category"),
                FieldPanel("metering_option"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            ],
            heading=_("Tariff"),
        ),
        InlinePanel(
            "rates",
            heading=_("Rates, ₽/kWh including VAT"),
            label=_("rate"),
            min_num=1,
        ),
        InlinePanel(
            "zone_hours",
            heading=_("Zone hours"),
            label=_("hours"),
            help_text=_("For two- and three-zone metering: the hours of every zone, 24 in all."),
        ),
        InlinePanel(
            "components",
            heading=_("How the price is made up"),
            label=_("component"),
            help_text=_("Optional: the parts of the single-rate price, ₽/kWh."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("regulator"),
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
                FieldPanel("document"),
            ],
            heading=_("Legal basis"),
        ),
    ]

    class Meta:
        ordering = ["region__sort_order", "category", "metering_option", "valid_from"]
        indexes = [models.Index(fields=["region", "category", "metering_option", "valid_from"])]
        verbose_name = _("tariff period")
        verbose_name_plural = _("tariff periods")

    def __str__(self) -> str:
        return "{region} · {category} · {option} · {start}".format(
            region=self.region.display_name if self.region_id else "—",
            category=self.get_category_display(),
            option=self.get_metering_option_display(),
            start=self.valid_from.strftime("%d.%m.%Y") if self.valid_from else "—",
        )

    def clean(self) -> None:
        super().clean()
        message = periods.dates_error(self.valid_from, self.valid_to)
        if message:
            raise ValidationError({"valid_to": message})
        if not (self.region_id and self.category and self.metering_option and self.valid_from):
            return
        others = (
            TariffPeriod.objects.filter(
                region_id=self.region_id,
                category=self.category,
                metering_option=self.metering_option,
            )
            .exclude(pk=self.pk)
            .values_list("valid_from", "valid_to")
        )
        message = periods.overlap_error(self.valid_from, self.valid_to, others)
        if message:
            raise ValidationError({"valid_from": message})

    def get_preview_template(self, request, mode_name):
        return "tariffs/period_preview.html"

    def get_preview_context(self, request, mode_name):
        """The period's table as the tariffs page shows it, compared with the period it
        follows: what an approver will publish."""
        from ..selection import preview_view

        return {**super().get_preview_context(request, mode_name), "view": preview_view(self)}

    def bill_rates(self) -> list[calculator.Rate]:
        return [calculator.Rate(r.zone, r.price, r.band_up_to) for r in self.rates.all()]


class TariffRate(Orderable):
    period = ParentalKey(TariffPeriod, on_delete=models.CASCADE, related_name="rates")
    zone = models.CharField(max_length=20, choices=ZONE_CHOICES, verbose_name=_("zone"))
    band_up_to = models.DecimalField(
        max_digits=9,
        decimal_places=0,
        null=True,
        blank=True,
        verbose_name=_("band up to, kWh a month"),
        help_text=_(
            "Only where the region has consumption bands: the band's upper limit. "
            "Leave empty for the top band or when there are no bands."
        ),
    )
    price = models.DecimalField(
        max_digits=8, decimal_places=2, verbose_name=_("rate, ₽/kWh incl. VAT")
    )

    panels = [FieldRowPanel([FieldPanel("zone"), FieldPanel("band_up_to"), FieldPanel("price")])]

    class Meta(Orderable.Meta):
        verbose_name = _("rate")

    def clean(self) -> None:
        message = zones.rate_error(self.price)
        if message:
            raise ValidationError({"price": message})


class ZoneHours(Orderable):
    period = ParentalKey(TariffPeriod, on_delete=models.CASCADE, related_name="zone_hours")
    zone = models.CharField(max_length=20, choices=ZONE_CHOICES, verbose_name=_("zone"))
    start = models.TimeField(verbose_name=_("from"))
    end = models.TimeField(verbose_name=_("until"), help_text=_("00:00 is midnight."))

    panels = [FieldRowPanel([FieldPanel("zone"), FieldPanel("start"), FieldPanel("end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("zone hours")

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


class PriceComponent(Orderable):
    period = ParentalKey(TariffPeriod, on_delete=models.CASCADE, related_name="components")
    kind = models.CharField(
        max_length=20, choices=PriceComponentKind.choices, verbose_name=_("component")
    )
    amount = models.DecimalField(max_digits=8, decimal_places=2, verbose_name=_("₽/kWh"))

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("amount")])]

    class Meta(Orderable.Meta):
        verbose_name = _("price component")
