"""The public tariffs page (/clients/tariffs/): rates in force, announced changes, the
archive, the calculator, and the downloads."""

import csv
import io

from django.db import models
from django.db.models import Count, Max, Q
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock

from .. import calculator, selection, zones
from ..forms import CalculatorForm
from .records import TariffPeriod

CSV_COLUMNS = [
    "region",
    "region_name",
    "category",
    "category_name",
    "metering_option",
    "zone",
    "zone_hours",
    "band_up_to_kwh",
    "price_rub_per_kwh_incl_vat",
    "valid_from",
    "valid_to",
    "status",
    "regulator",
    "decision_number",
    "decision_date",
    "document_url",
]


class TariffsPage(RoutablePageMixin, Page):
    """Tariffs and how the price is calculated (§6.2 item 8). The rates are tariff-period
    snippets; the page picks the ones in force on the day of the request (Moscow time)."""

    lead = models.TextField(
        blank=True,
        verbose_name=_("lead"),
        help_text=_("A short summary shown under the title and in section lists."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown under the tables: how tariffs are set, who to ask."),
    )

    disclosure_items = ("6.2-8", "10.1-tariffs")
    parent_page_types = ["home.SectionPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _(
        "Tariffs by region, customer category and metering option, with the calculator. "
        "The rates themselves are edited in the admin menu under Tariffs → Tariff periods."
    )
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    api_fields = [APIField("lead"), APIField("tariffs")]

    class Meta:
        verbose_name = _("tariffs page")

    def get_cached_paths(self) -> list[str]:
        """What a front-end cache purge must clear when tariffs are published."""
        return ["/", "csv/", "json/"]

    def get_cache_key_components(self) -> list:
        """The page shows what is in force today and what is published now, so its cache key
        changes at Moscow midnight and whenever a tariff period is published or withdrawn."""
        state = TariffPeriod.objects.aggregate(
            live=Count("pk", filter=Q(live=True)), published=Max("last_published_at")
        )
        return [
            *super().get_cache_key_components(),
            timezone.localdate().isoformat(),
            state["live"],
            state["published"].isoformat() if state["published"] else "",
        ]

    @property
    def tariffs(self) -> list[dict]:
        """The rates in force today and the announced ones (for the API)."""
        return selection.in_force_and_scheduled(timezone.localdate())

    def _selection(self, request) -> tuple[selection.Selection, CalculatorForm, list]:
        chosen = selection.select(
            request.GET.get("region"), request.GET.get("category"), timezone.localdate()
        )
        form = CalculatorForm(request.GET or None)
        usage = form.usage() if form.is_bound else None
        bills = []
        if usage is not None:
            rates = chosen.current_rates()
            bills = calculator.compare_bills(
                [
                    calculator.bill(option, rates[option], usage)
                    for option in zones.OPTIONS
                    if option in rates
                ]
            )
        return chosen, form, bills

    @path("")
    def index_route(self, request, *args, **kwargs):
        chosen, form, bills = self._selection(request)
        context = self.get_context(request)
        context.update(selection=chosen, form=form, bills=bills)
        return TemplateResponse(request, self.get_template(request), context)

    @path("calculator/", name="calculator")
    def calculator_route(self, request):
        """The calculator's result alone, which the page's script swaps in as you type."""
        chosen, form, bills = self._selection(request)
        return TemplateResponse(
            request,
            "tariffs/includes/calculator_result.html",
            {"page": self, "selection": chosen, "form": form, "bills": bills},
        )

    @path("json/", name="json")
    def json_route(self, request):
        today = timezone.localdate()
        response = JsonResponse(
            {
                "date": today.isoformat(),
                "tariffs": selection.in_force_and_scheduled(today, request.build_absolute_uri),
            },
            json_dumps_params={"ensure_ascii": False, "indent": 1},
        )
        response["Content-Disposition"] = 'attachment; filename="tariffs.json"'
        return response

    @path("csv/", name="csv")
    def csv_route(self, request):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(
            selection.in_force_and_scheduled(timezone.localdate(), request.build_absolute_uri)
        )
        # A byte-order mark so that spreadsheet programs read the Cyrillic as UTF-8.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="tariffs.csv"'
        return response
