"""Disclosure pages that are tables editors keep: consumption norms for households and
the price list of additional services (§10.1). Each declares its items in
`disclosure_items`."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from ..services import format_price
from .pages import SECTION_PARENTS


class ConsumptionNormsPage(Page):
    """Consumption norms for households (§10.1) as a table."""

    disclosure_items = ("10.1-norms",)

    lead = models.TextField(blank=True, verbose_name=_("lead"), help_text=_("When norms apply."))
    region = models.CharField(
        max_length=150, verbose_name=_("region"), help_text=_("Where the norms apply.")
    )
    effective_from = models.DateField(verbose_name=_("effective from"))
    legal_basis = models.CharField(
        max_length=255,
        verbose_name=_("legal basis"),
        help_text=_("The act that set the norms, with its number and date."),
    )
    legal_basis_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("legal basis document"),
    )

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Consumption norms for households, as a table.")
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("legal_basis"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("effective_from")]),
        FieldPanel("legal_basis"),
        FieldPanel("legal_basis_document"),
        InlinePanel("norms", heading=_("Norms"), label=_("Norm")),
    ]

    class Meta:
        verbose_name = _("consumption norms page")


# The rows of these tables are translatable with their page (TranslatableMixin): a synced
# translation keeps each row's English text instead of copying the Russian rows over it.


class ConsumptionNorm(TranslatableMixin, Orderable):
    page = ParentalKey(ConsumptionNormsPage, on_delete=models.CASCADE, related_name="norms")
    housing_type = models.CharField(
        max_length=150,
        verbose_name=_("housing type"),
        help_text=_("E.g. «многоквартирный дом с газовыми плитами»."),
    )
    rooms = models.PositiveSmallIntegerField(verbose_name=_("rooms"))
    residents = models.PositiveSmallIntegerField(
        verbose_name=_("residents"), help_text=_("5 means five or more.")
    )
    kwh_per_person = models.DecimalField(
        max_digits=7, decimal_places=2, verbose_name=_("kWh per month per person")
    )

    panels = [
        FieldPanel("housing_type"),
        FieldRowPanel([FieldPanel("rooms"), FieldPanel("residents"), FieldPanel("kwh_per_person")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("consumption norm")
        unique_together = [("translation_key", "locale")]


class AdditionalServicesPage(Page):
    """Additional services (§6.2 item 12): service, price, how to order."""

    disclosure_items = ("6.2-12",)

    lead = models.TextField(blank=True, verbose_name=_("lead"), help_text=_("A short summary."))
    how_to_order = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        verbose_name=_("how to order"),
        help_text=_("What applies to every service: where to apply and how to pay."),
    )

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Additional services with prices and how to order them.")
    search_fields = Page.search_fields + [index.SearchField("lead")]
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        InlinePanel("services", heading=_("Services"), label=_("Service")),
        FieldPanel("how_to_order"),
    ]

    class Meta:
        verbose_name = _("additional services page")


PRICE_UNITS = [
    ("service", _("per service")),
    ("visit", _("per visit")),
    ("meter", _("per meter")),
]


class AdditionalService(TranslatableMixin, Orderable):
    page = ParentalKey(AdditionalServicesPage, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=200, verbose_name=_("service"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    price = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        verbose_name=_("price, ₽"),
        help_text=_("Including VAT; leave empty when it is calculated individually."),
    )
    # One format for every price (number, "from", unit) instead of free-text notes.
    price_is_minimum = models.BooleanField(
        default=False,
        verbose_name=_("price from"),
        help_text=_("The price is the lowest; the final one depends on the work."),
    )
    price_unit = models.CharField(
        max_length=20, choices=PRICE_UNITS, default="service", verbose_name=_("price per")
    )
    how_to_order = models.CharField(
        max_length=255,
        verbose_name=_("how to order"),
        help_text=_("E.g. «заявление в центре обслуживания или в виртуальной приёмной»."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("price"), FieldPanel("price_is_minimum"), FieldPanel("price_unit")]
        ),
        FieldPanel("how_to_order"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("additional service")
        unique_together = [("translation_key", "locale")]

    @property
    def price_display(self) -> str:
        return format_price(self.price, self.price_is_minimum, self.get_price_unit_display())
