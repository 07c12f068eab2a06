"""What the tariffs page and the downloads show: the published periods, read in a fixed
number of queries and arranged around today's date in Moscow."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet

from core.content_version import FRAGMENT_TIMEOUT, content_version

from . import calculator, zones
from .models.records import CustomerCategory, TariffPeriod, TariffRate, TariffRegion, ZoneHours
from .periods import end_of, timeline


def published_periods(with_components: bool = False) -> QuerySet[TariffPeriod]:
    periods = (
        TariffPeriod.objects.filter(live=True)
        .select_related("region", "document")
        .prefetch_related(
            Prefetch("rates", queryset=TariffRate.objects.order_by("sort_order", "pk")),
            Prefetch("zone_hours", queryset=ZoneHours.objects.order_by("start")),
        )
    )
    if with_components:
        periods = periods.prefetch_related("components")
    return periods


# This process's copy of the published tariffs under one content version: unpickling them from
# the shared cache cost more than the rest of the page.
_in_process: dict[str, tuple[list[TariffRegion], list[TariffPeriod]]] = {}


def published_tariffs() -> tuple[list[TariffRegion], list[TariffPeriod]]:
    """The regions and every published period with its rows: read in a few queries, then kept
    in the shared cache until anything is published (core/content_version.py), and in this
    process while that version lasts. Read-only: callers build their views beside them."""
    version = content_version()
    tariffs = _in_process.get(version)
    if tariffs is not None:
        return tariffs
    key = f"tariffs:{version}"
    tariffs = cache.get(key)
    if tariffs is None:
        tariffs = (list(TariffRegion.objects.all()), list(published_periods(with_components=True)))
        cache.set(key, tariffs, timeout=FRAGMENT_TIMEOUT)
    _in_process.clear()
    _in_process[version] = tariffs
    return tariffs


def hours_by_zone(period: TariffPeriod) -> dict[str, str]:
    hours: dict[str, list[str]] = defaultdict(list)
    for row in period.zone_hours.all():
        hours[row.zone].append(str(row))
    return {zone: ", ".join(spans) for zone, spans in hours.items()}


@dataclass
class PeriodView:
    """One period as the page shows it."""

    period: TariffPeriod
    end: date | None  # its own end or the eve of the next period
    rows: list[dict] = field(default_factory=list)

    @property
    def option_label(self) -> str:
        return self.period.get_metering_option_display()


def _rows(period: TariffPeriod, previous: TariffPeriod | None = None) -> list[dict]:
    hours = hours_by_zone(period)
    old = {(r.zone, r.band_up_to): r.price for r in previous.rates.all()} if previous else {}
    rows, lower = [], {}
    rates = sorted(
        period.rates.all(),
        key=lambda r: (
            zones.ZONES_OF_OPTION[period.metering_option].index(r.zone)
            if r.zone in zones.ZONES_OF_OPTION[period.metering_option]
            else 9,
            r.band_up_to is None,
            r.band_up_to or 0,
        ),
    )
    for rate in rates:
        before = old.get((rate.zone, rate.band_up_to))
        rows.append(
            {
                "zone": rate.get_zone_display(),
                "hours": hours.get(rate.zone, ""),
                "band_from": lower.get(rate.zone),
                "band_up_to": rate.band_up_to,
                "price": rate.price,
                "old_price": before,
                "change": calculator.percent_change(before, rate.price) if before else None,
            }
        )
        if rate.band_up_to is not None:
            lower[rate.zone] = rate.band_up_to
    return rows


@dataclass
class Selection:
    regions: list[TariffRegion]
    region: TariffRegion | None
    category: str
    today: date
    current: list[PeriodView] = field(default_factory=list)
    upcoming: list[PeriodView] = field(default_factory=list)
    past: list[PeriodView] = field(default_factory=list)

    @property
    def categories(self):
        return CustomerCategory.choices

    def current_rates(self) -> dict[str, list[calculator.Rate]]:
        return {view.period.metering_option: view.period.bill_rates() for view in self.current}


def preview_view(period: TariffPeriod) -> PeriodView:
    """An unsaved or draft period beside the published one it follows (admin preview)."""
    previous = (
        TariffPeriod.objects.filter(
            live=True,
            region_id=period.region_id,
            category=period.category,
            metering_option=period.metering_option,
            valid_from__lt=period.valid_from,
        )
        .exclude(pk=period.pk)
        .order_by("-valid_from")
        .prefetch_related("rates")
        .first()
    )
    return PeriodView(period, period.valid_to, _rows(period, previous))


def _view(ordered: list[TariffPeriod], period: TariffPeriod, compare: bool = False) -> PeriodView:
    """A period of `ordered` (one option's periods by start), compared with the one before
    it when asked."""
    index = ordered.index(period)
    following = ordered[index + 1] if index + 1 < len(ordered) else None
    preceding = ordered[index - 1] if index and compare else None
    return PeriodView(period, end_of(period, following), _rows(period, preceding))


def select(region_slug: str | None, category: str | None, today: date) -> Selection:
    """The periods of one region and category: in force today, announced, archived."""
    regions, published = published_tariffs()
    region = next((r for r in regions if r.slug == region_slug), regions[0] if regions else None)
    if category not in CustomerCategory.values:
        category = CustomerCategory.values[0]
    selection = Selection(regions, region, category, today)
    if region is None:
        return selection
    periods = [p for p in published if p.region_id == region.pk and p.category == category]
    by_option: dict[str, list[TariffPeriod]] = defaultdict(list)
    for period in periods:
        by_option[period.metering_option].append(period)
    for option in zones.OPTIONS:
        ordered = sorted(by_option.get(option, []), key=lambda p: p.valid_from)
        line = timeline(ordered, today)
        if line.current:
            selection.current.append(_view(ordered, line.current))
        selection.upcoming.extend(_view(ordered, p, compare=True) for p in line.upcoming)
        selection.past.extend(_view(ordered, p, compare=True) for p in line.past)
    selection.upcoming.sort(key=lambda v: v.period.valid_from)
    selection.past.sort(key=lambda v: v.period.valid_from, reverse=True)
    return selection


def in_force_and_scheduled(today: date, absolute: Callable[[str], str] = str) -> list[dict]:
    """Every published rate in force today or announced, one row per rate, for the JSON and
    CSV downloads and the API. `absolute` turns the document's path into a full URL."""
    by_key: dict[tuple, list[TariffPeriod]] = defaultdict(list)
    for period in published_tariffs()[1]:
        by_key[(period.region_id, period.category, period.metering_option)].append(period)
    rows, document_urls = [], {}
    for group in by_key.values():
        ordered = sorted(group, key=lambda p: p.valid_from)
        line = timeline(ordered, today)
        chosen = ([line.current] if line.current else []) + line.upcoming
        for period in chosen:
            index = ordered.index(period)
            end = end_of(period, ordered[index + 1] if index + 1 < len(ordered) else None)
            hours = hours_by_zone(period)
            document_url = None
            if period.document:  # Document.url reverses a URL: once per document
                if period.document_id not in document_urls:
                    document_urls[period.document_id] = absolute(period.document.url)
                document_url = document_urls[period.document_id]
            for rate in period.rates.all():
                rows.append(
                    {
                        "region": period.region.slug,
                        "region_name": period.region.display_name,
                        "category": period.category,
                        "category_name": str(period.get_category_display()),
                        "metering_option": period.metering_option,
                        "zone": rate.zone,
                        "zone_hours": hours.get(rate.zone, "00:00–24:00"),
                        "band_up_to_kwh": _text(rate.band_up_to),
                        "price_rub_per_kwh_incl_vat": _text(rate.price),
                        "valid_from": period.valid_from.isoformat(),
                        "valid_to": end.isoformat() if end else None,
                        "status": "current" if period is line.current else "scheduled",
                        "regulator": period.regulator,
                        "decision_number": period.decision_number,
                        "decision_date": period.decision_date.isoformat(),
                        "document_url": document_url,
                    }
                )
    rows.sort(key=lambda r: (r["region"], r["category"], r["metering_option"], r["valid_from"]))
    return rows


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
