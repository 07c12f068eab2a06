"""Pages that list the records of `records.py`: service centres (/contacts/), payment
(/clients/payment/) and grid companies. Each list runs a fixed number of queries whatever
the number of records."""

import functools
import json
from collections.abc import Callable

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import links
from disclosure import services
from disclosure.blocks import ProcedureBlock
from home.models import SiteSettings

from .pages import SECTION_PARENTS, ProcedurePage
from .records import GridCompany, PaymentPoint, ServiceCentre, ServiceCentreHours


def read_when_drawn(context: dict, names: tuple[str, ...], compute: Callable[[], dict]) -> None:
    """Puts `names` into a page's context as values of `compute()`, called once, when the
    template first asks for one (a template calls a callable value): a page whose content
    comes from the fragment cache (core/fragment_cache.py) reads no record."""
    computed = functools.cache(compute)
    for name in names:
        context[name] = lambda name=name: computed()[name]


def locality_filter(request, records: list) -> tuple[list[str], str]:
    """The distinct localities of `records` (all live ones, read once for both the filter and
    the list) and the one chosen in ?locality= (or "")."""
    localities = sorted({record.locality for record in records if record.locality})
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
        read_when_drawn(context, DIRECTORY_NAMES, lambda: self.directory(request))
        return context

    def directory(self, request) -> dict:
        centres = list(
            ServiceCentre.objects.filter(live=True)
            .for_locale(self.locale_id)
            .prefetch_related(
                models.Prefetch("hours", queryset=ServiceCentreHours.objects.order_by("sort_order"))
            )
        )
        localities, chosen = locality_filter(request, centres)
        if chosen:
            centres = [centre for centre in centres if centre.locality == chosen]
        now = timezone.now()
        for centre in centres:
            spans = centre.spans(ServiceCentreHours.OPENING)
            centre.open_now = centre.is_open(now)
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
        company = SiteSettings.for_request(request).local_company_name
        return {
            "structured_data": centres_data(centres, company),
            "centres": centres,
            "localities": localities,
            "chosen_locality": chosen,
            "now_moscow": timezone.localtime(now),
            # Weekdays off in the next fortnight, so that a cached page can still tell.
            "days_off": json.dumps(services.days_off_ahead(now, 14)),
            # §8.2: where an office has no step-free access, the home visit is offered.
            "home_visit_url": (
                links.service_url("home-visit", request)
                if any(not centre.accessible for centre in centres)
                else ""
            ),
        }


DIRECTORY_NAMES = (
    "structured_data",
    "centres",
    "localities",
    "chosen_locality",
    "now_moscow",
    "days_off",
    "home_visit_url",
)


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
        read_when_drawn(context, POINTS_NAMES, lambda: self.points(request))
        return context

    def points(self, request) -> dict:
        points = list(PaymentPoint.objects.filter(live=True).for_locale(self.locale_id))
        localities, chosen = locality_filter(request, points)
        kind = request.GET.get("kind", "")
        kind = kind if kind in dict(PaymentPoint.KINDS) else ""
        points = [
            point
            for point in points
            # Online payment serves every locality, so a locality's list keeps it.
            if (not chosen or point.locality in (chosen, "")) and (not kind or point.kind == kind)
        ]
        return {
            "points": points,
            "localities": localities,
            "chosen_locality": chosen,
            "kinds": PaymentPoint.KINDS,
            "chosen_kind": kind,
        }


POINTS_NAMES = ("points", "localities", "chosen_locality", "kinds", "chosen_kind")


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
        context["companies"] = GridCompany.objects.filter(live=True).for_locale(self.locale_id)
        return context
