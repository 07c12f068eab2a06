"""Pages that list the records of `records.py` and the notices of `notices.py`: service
centres (/contacts/), payment (/clients/payment/), grid companies and planned outages.
Each list runs a fixed number of queries whatever the number of records."""

import json
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from disclosure import services
from disclosure.blocks import ProcedureBlock
from home.models import SiteSettings

from .notices import MeterVisitNotice, OutageNotice
from .pages import SECTION_PARENTS, ProcedurePage
from .records import GridCompany, PaymentPoint, ServiceCentre, ServiceCentreHours


def locality_filter(request, records: list) -> tuple[list[str], str]:
    """The distinct localities of `records` (all live ones, read once for both the filter and
    the list) and the one chosen in ?locality= (or "")."""
    localities = sorted({record.locality for record in records})
    chosen = request.GET.get("locality", "")
    return localities, chosen if chosen in localities else ""


def centres_data(centres, company: str) -> list[dict]:
    """schema.org LocalBusiness for each in-person centre (written out by `{% json_ld %}`)."""
    return [
        {
            "@context": "https://schema.org",
            "@type": "LocalBusiness",
            "name": f"{company}, {centre.name}",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": centre.locality,
                "streetAddress": centre.address,
                "addressCountry": "RU",
            },
            "telephone": centre.phones.split(",")[0].strip(),
            **({"email": centre.email} if centre.email else {}),
            **(
                {
                    "geo": {
                        "@type": "GeoCoordinates",
                        "latitude": float(centre.latitude),
                        "longitude": float(centre.longitude),
                    }
                }
                if centre.has_coordinates
                else {}
            ),
            "openingHoursSpecification": services.opening_hours_schema(
                row.span for row in centre.opening_rows
            ),
        }
        for centre in centres
        if centre.kind == ServiceCentre.IN_PERSON
    ]


def map_settings() -> dict:
    return {"map_tile_url": settings.DISCLOSURE_MAP_TILE_URL}


class ServiceCentresPage(Page):
    """Service centres (§6.2 item 11, §5.3, §8): addresses, phones, hours, open now."""

    disclosure_items = ("6.2-11", "10.1-contacts")
    disclosure_records = {
        "6.2-11": "disclosure.ServiceCentre",
        "10.1-contacts": "disclosure.ServiceCentre",
    }

    lead = models.TextField(blank=True, verbose_name=_("lead"), help_text=_("A short summary."))
    body = StreamField(
        ProcedureBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Remote service: the hotline, e-mail and how to get through."),
    )

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["disclosure.GridCompaniesPage"]
    max_count_per_parent = 1
    page_description = _("Service centres with hours and a map; records are snippets.")
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    class Meta:
        verbose_name = _("service centres page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        centres = list(
            ServiceCentre.objects.filter(live=True).prefetch_related(
                models.Prefetch("hours", queryset=ServiceCentreHours.objects.order_by("sort_order"))
            )
        )
        localities, chosen = locality_filter(request, centres)
        if chosen:
            centres = [centre for centre in centres if centre.locality == chosen]
        now = timezone.now()
        for centre in centres:
            spans = centre.spans(ServiceCentreHours.OPENING)
            centre.open_now = services.is_open(spans, now)
            centre.hours_json = json.dumps(
                [
                    [
                        span.weekday,
                        span.opens.strftime("%H:%M"),
                        span.closes.strftime("%H:%M"),
                        span.break_starts.strftime("%H:%M") if span.break_starts else "",
                        span.break_ends.strftime("%H:%M") if span.break_ends else "",
                    ]
                    for span in spans
                ]
            )
            centre.opening_rows = [
                row for row in centre.hours.all() if row.kind == ServiceCentreHours.OPENING
            ]
            centre.reception_rows = [
                row for row in centre.hours.all() if row.kind == ServiceCentreHours.RECEPTION
            ]
        company = SiteSettings.for_request(request).company_name
        context.update(
            structured_data=centres_data(centres, company),
            centres=centres,
            localities=localities,
            chosen_locality=chosen,
            now_moscow=timezone.localtime(now),
            # Weekdays off in the next fortnight, so that a cached page can still tell.
            days_off=json.dumps(services.days_off_ahead(now, 14)),
            **map_settings(),
        )
        return context


class PaymentPage(ProcedurePage):
    """Payment (§6.2 items 5 and 9): the procedure, and the payment points filtered by
    locality and type."""

    disclosure_items = ("6.2-5", "6.2-9", "10.1-payment-points")
    disclosure_records = {
        "6.2-9": "disclosure.PaymentPoint",
        "10.1-payment-points": "disclosure.PaymentPoint",
    }
    page_description = _("How to pay, and the payment points with a filter and a map.")

    class Meta:
        verbose_name = _("payment page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        points = list(PaymentPoint.objects.filter(live=True))
        localities, chosen = locality_filter(request, points)
        kind = request.GET.get("kind", "")
        kind = kind if kind in dict(PaymentPoint.KINDS) else ""
        points = [
            point
            for point in points
            if (not chosen or point.locality == chosen) and (not kind or point.kind == kind)
        ]
        context.update(
            points=points,
            localities=localities,
            chosen_locality=chosen,
            kinds=PaymentPoint.KINDS,
            chosen_kind=kind,
            **map_settings(),
        )
        return context


class GridCompaniesPage(Page):
    disclosure_items = ("10.1-grid",)
    disclosure_records = {"10.1-grid": "disclosure.GridCompany"}

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("When to call the grid company rather than us."),
    )

    parent_page_types = ["disclosure.ServiceCentresPage", *SECTION_PARENTS]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Contacts of the grid companies; records are snippets.")
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("grid companies page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["companies"] = GridCompany.objects.filter(live=True)
        return context


class OutagesPage(RoutablePageMixin, Page):
    """Planned outages (§7 2.1.2): upcoming and current first, an archive, an Atom feed and
    an iCalendar export. Notices are snippets so that the lead time is checked on publish."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("What a planned outage is and whom to call in an emergency."),
    )

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Planned outage and meter-reading visit notices; feed and calendar.")
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("outages page")

    def get_cached_paths(self):
        return ["/", "/archive/", "/feed/", "/calendar/"]

    @staticmethod
    def current_and_upcoming():
        now = timezone.now()
        # A notice without an end stays current for a day after it starts.
        return (
            OutageNotice.objects.live()
            .filter(
                models.Q(ends_at__gte=now)
                | models.Q(ends_at__isnull=True, starts_at__gte=now - timedelta(days=1))
            )
            .order_by("starts_at")
        )

    @staticmethod
    def past():
        now = timezone.now()
        return (
            OutageNotice.objects.live()
            .filter(
                models.Q(ends_at__lt=now)
                | models.Q(ends_at__isnull=True, starts_at__lt=now - timedelta(days=1))
            )
            .order_by("-starts_at")
        )

    @path("")
    def current(self, request):
        notices = list(self.current_and_upcoming()[:100])
        now = timezone.now()
        for notice in notices:
            notice.is_current = notice.starts_at <= now
        return self.render(
            request,
            context_overrides={
                "notices": notices,
                "visits": MeterVisitNotice.objects.upcoming()[:50],
                "archive": False,
            },
        )

    @path("archive/")
    def archive(self, request):
        return self.render(
            request,
            context_overrides={"notices": list(self.past()[:200]), "archive": True},
        )

    @path("feed/")
    def feed(self, request):
        url = request.build_absolute_uri(self.get_url(request))
        feed = Atom1Feed(
            title=self.title,
            link=url,
            description=self.title,
            language=self.locale.language_code,
            feed_url=request.build_absolute_uri(),
        )
        for notice in self.current_and_upcoming()[:100]:
            feed.add_item(
                title=str(notice),
                link=f"{url}#notice-{notice.pk}",
                unique_id=f"{url}#notice-{notice.pk}",
                description=services.describe_outage(notice),
                pubdate=notice.first_published_at or notice.starts_at,
                updateddate=notice.last_published_at or notice.starts_at,
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response

    @path("calendar/")
    def calendar(self, request):
        body = services.outages_to_ical(
            self.current_and_upcoming()[:200], request.build_absolute_uri(self.get_url(request))
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="outages.ics"'
        return response
