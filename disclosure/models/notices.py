"""Notices of planned outages (§7 2.1.2) and meter-reading visits (§7 2.1), with the lead times
the standard requires checked before a notice can be saved or published."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.addressing import HouseSpan, houses_q, locality_key, street_key
from core.localized import LocalizedQuerySet, source_record
from disclosure import services

from .records import check_phone


def publication_date(notice) -> date:
    """The day customers learn of the notice: when it was first published, the scheduled
    go-live date, or today. A translation counts from its source's, which customers read
    first (so translating a notice later never makes it late)."""
    if notice.pk and notice.translation_key:
        source = source_record(notice)
        if source.pk != notice.pk:
            notice = source
    moment = notice.first_published_at or notice.go_live_at or timezone.now()
    return timezone.localdate(moment)


class NoticeQuerySet(LocalizedQuerySet):
    def live(self):
        return self.filter(live=True)

    def upcoming(self):
        return self.live().filter(visit_on__gte=timezone.localdate())

    def covering(self, locality: str, street: str, house: int):
        """The notices whose structured coverage includes this address."""
        rows = self.model.coverage_model().objects.filter(
            models.Q(street_key="") | (models.Q(street_key=street_key(street)) & houses_q(house)),
            notice=models.OuterRef("pk"),
            locality_key=locality_key(locality),
        )
        return self.filter(models.Exists(rows))


class Notice(
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    organisation = models.CharField(
        max_length=200,
        verbose_name=_("organisation"),
        help_text=_("Who does the work, e.g. the grid company."),
    )
    work_type = models.CharField(max_length=200, verbose_name=_("type of work"))
    localities = models.CharField(
        max_length=255, verbose_name=_("localities"), help_text=_("Comma-separated.")
    )
    streets = models.TextField(
        blank=True, verbose_name=_("streets and houses"), help_text=_("Where exactly.")
    )
    responsible_position = models.CharField(
        max_length=150, verbose_name=_("responsible person's position")
    )
    responsible_name = models.CharField(
        max_length=150,
        verbose_name=_("responsible person's full name"),
        help_text=_("Surname, first name and patronymic."),
    )
    contact_phone = models.CharField(
        max_length=60, verbose_name=_("contact phone"), validators=[check_phone]
    )

    override_translatable_fields = [SynchronizedField("contact_phone")]

    objects = NoticeQuerySet.as_manager()

    class Meta:
        abstract = True

    def outages_page(self):
        from .outages import OutagesPage

        return OutagesPage.objects.live().filter(locale=self.locale_id).first()

    def get_preview_template(self, request, mode_name):
        # The outages page itself, listing this notice alone, as customers will see it.
        if self.outages_page() is None:
            return "disclosure/notice_preview_without_page.html"
        return "disclosure/outages_page.html"

    def get_preview_context(self, request, mode_name):
        visit = isinstance(self, MeterVisitNotice)
        if not visit:
            self.is_current = self.starts_at is not None and self.starts_at <= timezone.now()
        return {
            **super().get_preview_context(request, mode_name),
            "page": self.outages_page(),
            "notices": [] if visit else [self],
            "visits": [self] if visit else [],
            "archive": False,
        }

    @classmethod
    def coverage_model(cls):
        return cls._meta.get_field("covered_addresses").related_model


def where_panel():
    """The free text for people, and the same places in the structured form that the address
    page and the street alerts read."""
    return MultiFieldPanel(
        [
            FieldPanel("localities"),
            FieldPanel("streets"),
            InlinePanel(
                "covered_addresses",
                label=_("Address"),
                heading=_("Addresses covered"),
                help_text=_(
                    "Each locality and street as in the address directory; a row without a "
                    "street covers the whole locality."
                ),
            ),
        ],
        heading=_("Where"),
    )


class CoveredAddress(HouseSpan, Orderable):
    """A street (or a whole locality) that a notice covers, with its houses."""

    locality = models.CharField(max_length=100, verbose_name=_("locality"))
    street = models.CharField(
        max_length=150,
        blank=True,
        verbose_name=_("street"),
        help_text=_("E.g. «улица Ленина»; empty: the whole locality."),
    )
    # Compared instead of the names, which people spell in many ways (core/addressing.py).
    locality_key = models.CharField(max_length=100, editable=False, db_index=True)
    street_key = models.CharField(max_length=160, editable=False, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("locality"), FieldPanel("street")]),
        FieldRowPanel([FieldPanel("house_from"), FieldPanel("house_to"), FieldPanel("parity")]),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        if not self.street:
            return self.locality
        return f"{self.locality}, {self.street}, {self.houses_label}"

    def save(self, *args, **kwargs):
        self.locality_key = locality_key(self.locality)
        self.street_key = street_key(self.street) if self.street else ""
        super().save(*args, **kwargs)


class OutageNotice(Notice):
    HOUSEHOLDS = services.AUDIENCE_HOUSEHOLDS
    BUSINESSES = services.AUDIENCE_BUSINESSES
    ALL = services.AUDIENCE_ALL

    reason = models.CharField(max_length=255, verbose_name=_("reason"))
    starts_at = models.DateTimeField(verbose_name=_("start"))
    ends_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("end"), help_text=_("Or give the duration.")
    )
    duration = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("duration"),
        help_text=_("When the end is not known exactly, e.g. «до 6 часов»."),
    )
    audience = models.CharField(
        max_length=20,
        choices=[
            (HOUSEHOLDS, _("Households")),
            (BUSINESSES, _("Legal entities")),
            (ALL, _("Households and legal entities")),
        ],
        default=ALL,
        verbose_name=_("audience"),
        help_text=_(
            "Sets the lead time: 10 working days for households, one month for legal entities."
        ),
    )
    emergency = models.BooleanField(
        default=False,
        verbose_name=_("emergency work"),
        help_text=_("Emergency work is announced as soon as it is known; no lead time applies."),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("work_type"),
        FieldPanel("reason"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("duration")]),
        where_panel(),
        FieldRowPanel(
            [FieldPanel("responsible_position"), FieldPanel("responsible_name")],
            heading=_("Responsible person"),
        ),
        FieldPanel("contact_phone"),
        FieldPanel("audience"),
        FieldPanel("emergency"),
    ]
    search_fields = [index.SearchField("work_type"), index.SearchField("localities")]

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("planned outage notice")
        verbose_name_plural = _("planned outage notices")
        permissions = [("unpublish_outagenotice", "Can unpublish planned outage notice")]
        unique_together = [("translation_key", "locale")]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%d.%m.%Y} — {self.localities}"

    def clean(self) -> None:
        super().clean()
        if not self.ends_at and not self.duration:
            raise ValidationError({"ends_at": _("Give the end or the duration.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.starts_at:
            error = self.lead_time_error()
            if error:
                raise ValidationError({"starts_at": error})

    def lead_time_error(self) -> str | None:
        return services.outage_lead_time_error(
            publication_date(self),
            timezone.localdate(self.starts_at),
            self.audience,
            self.emergency,
        )


class MeterVisitNotice(Notice):
    visit_on = models.DateField(verbose_name=_("date of the visit"))
    time_from = models.TimeField(verbose_name=_("from"))
    time_to = models.TimeField(
        verbose_name=_("until"),
        help_text=_("The approximate interval of the visit, within 11:00–22:00 on a working day."),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("work_type"),
        FieldRowPanel([FieldPanel("visit_on"), FieldPanel("time_from"), FieldPanel("time_to")]),
        where_panel(),
        FieldRowPanel(
            [FieldPanel("responsible_position"), FieldPanel("responsible_name")],
            heading=_("Responsible person"),
        ),
        FieldPanel("contact_phone"),
    ]
    search_fields = [index.SearchField("localities")]

    class Meta:
        ordering = ["visit_on", "time_from"]
        verbose_name = _("meter-reading visit notice")
        verbose_name_plural = _("meter-reading visit notices")
        permissions = [("unpublish_metervisitnotice", "Can unpublish meter-reading visit notice")]
        unique_together = [("translation_key", "locale")]

    def __str__(self) -> str:
        return f"{self.visit_on:%d.%m.%Y} — {self.localities}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.time_from and self.time_to:
            if self.time_to <= self.time_from:
                errors["time_to"] = _("The interval must end after it starts.")
            else:
                error = services.meter_visit_hours_error(self.time_from, self.time_to)
                if error:
                    errors["time_from"] = error
        if self.visit_on:
            error = services.meter_visit_lead_time_error(
                publication_date(self), self.visit_on
            ) or services.meter_visit_day_error(self.visit_on)
            if error:
                errors["visit_on"] = error
        if errors:
            raise ValidationError(errors)


class OutageCoverage(CoveredAddress):
    notice = ParentalKey(OutageNotice, on_delete=models.CASCADE, related_name="covered_addresses")

    class Meta(CoveredAddress.Meta):
        verbose_name = _("address covered by an outage")


class MeterVisitCoverage(CoveredAddress):
    notice = ParentalKey(
        MeterVisitNotice, on_delete=models.CASCADE, related_name="covered_addresses"
    )

    class Meta(CoveredAddress.Meta):
        verbose_name = _("address covered by a meter visit")
