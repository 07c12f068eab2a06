"""Structured records shown by the disclosure pages: service centres, payment points, grid
companies. Snippets with draft state and revisions: a change is reviewed before it is live."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.localized import LocalizedQuerySet
from core.phone import validate_phones
from disclosure import services
from disclosure.services import OpeningSpan

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def latitude_field():
    return models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        verbose_name=_("latitude"),
        help_text=_("Decimal degrees, e.g. 55.751244; places the point on the map."),
    )


def longitude_field():
    return models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        verbose_name=_("longitude"),
        help_text=_("Decimal degrees, e.g. 37.618423."),
    )


def check_coordinates(record) -> None:
    if (record.latitude is None) != (record.longitude is None):
        raise ValidationError(_("Give both the latitude and the longitude, or neither."))


def check_phone(value: str) -> None:
    """Office phones as customers dial them, each a valid number (the one phone rule)."""
    validate_phones(value)


class LocatedRecord(models.Model):
    locality = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("locality"),
        help_text=_(
            "Town or village as customers know it, e.g. «Москва»; used by the filter. Empty "
            "for online payment, which serves every locality."
        ),
    )
    address = models.CharField(max_length=255, blank=True, verbose_name=_("address"))
    latitude = latitude_field()
    longitude = longitude_field()

    class Meta:
        abstract = True

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


# Each record is translatable (wagtail-localize: Translate in the snippet's menu); the English
# site shows the translation, or the Russian record until there is one (core/localized.py).
# Phones are the same in every language: synchronised from the source, never translated.


class ServiceCentre(
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    LocatedRecord,
    index.Indexed,
    ClusterableModel,
):
    """An in-person or remote service centre (§5.3, §8)."""

    IN_PERSON = "in_person"
    REMOTE = "remote"
    name = models.CharField(max_length=150, verbose_name=_("name"))
    kind = models.CharField(
        max_length=20,
        choices=[(IN_PERSON, _("In-person service centre")), (REMOTE, _("Remote service"))],
        default=IN_PERSON,
        verbose_name=_("kind"),
    )
    phones = models.CharField(
        max_length=255,
        verbose_name=_("phones"),
        help_text=_("One or more numbers separated by commas, as customers dial them."),
        validators=[check_phone],
    )
    email = models.EmailField(blank=True, verbose_name=_("e-mail"))
    services = models.TextField(
        blank=True,
        verbose_name=_("services offered"),
        help_text=_("One service a line, e.g. «приём показаний», «оплата без комиссии»."),
    )
    accessible = models.BooleanField(
        default=False,
        verbose_name=_("accessible for people with disabilities"),
        help_text=_("Step-free entrance or a ramp, a call button (§8.2)."),
    )
    accessibility_notes = models.CharField(
        max_length=255, blank=True, verbose_name=_("accessibility notes")
    )
    round_the_clock = models.BooleanField(
        default=False,
        verbose_name=_("round the clock"),
        help_text=_(
            "Works 24 hours a day every day, holidays included (the hotline); no hours to enter."
        ),
    )
    head_office = models.BooleanField(
        default=False,
        verbose_name=_("head office"),
        help_text=_("The footer of every page shows this centre's address and hours."),
    )
    queue_info = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("queue"),
        help_text=_(
            "How the queue works and when it is shortest, e.g. «электронная очередь; меньше "
            "всего посетителей во вторник и среду» (§8.4)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, verbose_name=_("order"), help_text=_("Smaller numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("locality"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("phones"),
        FieldPanel("email"),
        FieldPanel("services"),
        FieldPanel("accessible"),
        FieldPanel("accessibility_notes"),
        FieldPanel("queue_info"),
        FieldRowPanel([FieldPanel("round_the_clock"), FieldPanel("head_office")]),
        InlinePanel("hours", heading=_("Opening hours"), label=_("Hours")),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address")]
    override_translatable_fields = [SynchronizedField("phones")]

    objects = LocalizedQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("service centre")
        verbose_name_plural = _("service centres")
        permissions = [("unpublish_servicecentre", "Can unpublish service centre")]
        unique_together = [("translation_key", "locale")]
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="unique_centre_name"),
            # One head office, which each language's translation of it also marks.
            models.UniqueConstraint(
                fields=["head_office", "locale"],
                condition=models.Q(head_office=True),
                name="one_head_office",
                violation_error_message=_("Another service centre is already the head office."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        check_coordinates(self)
        if self.kind == self.IN_PERSON and not self.address:
            raise ValidationError({"address": _("An in-person service centre needs an address.")})
        if not self.locality:
            raise ValidationError({"locality": _("Give the town or village of the centre.")})
        if self.head_office and self.kind != self.IN_PERSON:
            raise ValidationError({"head_office": _("The head office is an in-person centre.")})

    @property
    def service_list(self) -> list[str]:
        return [line.strip() for line in self.services.splitlines() if line.strip()]

    def spans(self, kind: str) -> list[OpeningSpan]:
        return [row.span for row in self.hours.all() if row.kind == kind]

    def is_open(self, moment) -> bool:
        """Round the clock means open on holidays too (§9.1: the hotline)."""
        return self.round_the_clock or services.is_open(
            self.spans(ServiceCentreHours.OPENING), moment
        )


class ServiceCentreHours(Orderable):
    OPENING = "opening"
    RECEPTION = "reception"
    centre = ParentalKey(ServiceCentre, on_delete=models.CASCADE, related_name="hours")
    kind = models.CharField(
        max_length=20,
        choices=[(OPENING, _("Opening hours")), (RECEPTION, _("Reception of customers"))],
        default=OPENING,
        verbose_name=_("kind"),
        help_text=_("Add reception hours only where they differ from the opening hours (§8.4)."),
    )
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS, verbose_name=_("weekday"))
    opens = models.TimeField(verbose_name=_("opens"))
    closes = models.TimeField(verbose_name=_("closes"))
    break_starts = models.TimeField(null=True, blank=True, verbose_name=_("break from"))
    break_ends = models.TimeField(null=True, blank=True, verbose_name=_("break until"))

    panels = [
        FieldPanel("kind"),
        FieldPanel("weekday"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldRowPanel([FieldPanel("break_starts"), FieldPanel("break_ends")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hours")

    def clean(self) -> None:
        super().clean()
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
        if bool(self.break_starts) != bool(self.break_ends):
            raise ValidationError(_("Give both ends of the break, or neither."))
        has_break = self.break_starts and self.break_ends and self.opens and self.closes
        if has_break and not self.opens < self.break_starts < self.break_ends < self.closes:
            raise ValidationError(_("The break must lie within the opening hours."))

    @property
    def span(self) -> OpeningSpan:
        return OpeningSpan(
            self.weekday, self.opens, self.closes, self.break_starts, self.break_ends
        )


class PaymentPoint(
    TranslatableMixin, DraftStateMixin, RevisionMixin, LocatedRecord, index.Indexed, models.Model
):
    """Where customers can pay (§6.2 item 9): our offices without commission, and partners."""

    OFFICE = "office"
    BANK = "bank"
    POST = "post"
    TERMINAL = "terminal"
    ONLINE = "online"
    KINDS = [
        (OFFICE, _("Our office (no commission)")),
        (BANK, _("Bank")),
        (POST, _("Post office")),
        (TERMINAL, _("Payment terminal")),
        (ONLINE, _("Online")),
    ]
    name = models.CharField(max_length=150, verbose_name=_("name"))
    kind = models.CharField(max_length=20, choices=KINDS, verbose_name=_("type"))
    commission = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        verbose_name=_("commission, %"),
        help_text=_("Percent of the payment; 0 for our own offices."),
    )
    hours = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("hours"),
        help_text=_("A short line, e.g. «Пн–Пт 9:00–19:00, Сб 10:00–15:00»."),
    )
    url = models.URLField(blank=True, verbose_name=_("website"))

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("commission"),
        FieldPanel("locality"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("hours"),
        FieldPanel("url"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address")]

    objects = LocalizedQuerySet.as_manager()

    class Meta:
        ordering = ["locality", "kind", "name"]
        verbose_name = _("payment point")
        verbose_name_plural = _("payment points")
        permissions = [("unpublish_paymentpoint", "Can unpublish payment point")]
        unique_together = [("translation_key", "locale")]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locality", "address", "locale"], name="unique_payment_point"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.locality}"

    def clean(self) -> None:
        super().clean()
        check_coordinates(self)
        if self.kind == self.OFFICE and self.commission:
            raise ValidationError({"commission": _("Our own offices take no commission.")})
        if self.kind == self.ONLINE and not self.url:
            raise ValidationError({"url": _("An online payment point needs its website.")})
        if self.kind == self.ONLINE and self.locality:
            # «Онлайн» is not a town: online payment serves every locality.
            raise ValidationError(
                {"locality": _("Online payment serves every locality: leave it empty.")}
            )
        if self.kind != self.ONLINE and not self.locality:
            raise ValidationError({"locality": _("Give the town or village of the point.")})
        if self.kind != self.ONLINE and not self.address:
            raise ValidationError(
                {"address": _("A payment point customers visit needs an address.")}
            )


class GridCompany(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A grid company to call about outages and power quality (§10.1)."""

    name = models.CharField(max_length=200, verbose_name=_("name"))
    area_served = models.TextField(
        verbose_name=_("area served"), help_text=_("Districts and localities it serves.")
    )
    dispatcher_phone = models.CharField(
        max_length=60,
        verbose_name=_("dispatcher phone"),
        help_text=_("The round-the-clock dispatcher, as customers dial it."),
        validators=[check_phone],
    )
    website = models.URLField(blank=True, verbose_name=_("website"))
    address = models.CharField(max_length=255, blank=True, verbose_name=_("address"))

    panels = [
        FieldPanel("name"),
        FieldPanel("area_served"),
        FieldPanel("dispatcher_phone"),
        FieldPanel("website"),
        FieldPanel("address"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("area_served")]
    override_translatable_fields = [SynchronizedField("dispatcher_phone")]

    objects = LocalizedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("grid company")
        verbose_name_plural = _("grid companies")
        permissions = [("unpublish_gridcompany", "Can unpublish grid company")]
        unique_together = [("translation_key", "locale")]
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="unique_grid_company_name")
        ]

    def __str__(self) -> str:
        return self.name
