"""Demo tariffs: two regions, three customer categories, every metering option, each with an
archived period, the one in force and an announced change (`tariffs.yaml`). Dates are
relative to the day the demo is loaded: the current period started on 1 January, the change
comes on the 1st of the month after next.

Idempotent: the periods are created only while there are none, so a second run (even a year
later) changes nothing."""

from dataclasses import dataclass
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.utils import timezone

from core import demo

from .. import calculator, zones
from ..models import PriceComponent, TariffPeriod, TariffRate, TariffRegion, ZoneHours
from ..models.records import CustomerCategory, PriceComponentKind

HERE = Path(__file__).parent
CATEGORIES = (CustomerCategory.URBAN_GAS, CustomerCategory.URBAN_ELECTRIC, CustomerCategory.RURAL)
# The price's make-up: shares of the single-rate price; the infrastructure gets the rest.
COMPONENT_SHARES = {
    PriceComponentKind.ENERGY: Decimal("0.50"),
    PriceComponentKind.TRANSMISSION: Decimal("0.40"),
    PriceComponentKind.SALES: Decimal("0.06"),
}


@dataclass
class Decision:
    valid_from: date
    valid_to: date | None
    factor: Decimal  # of the current price
    number: str
    decided: date
    bands: bool


def _money(value: Decimal) -> Decimal:
    return value.quantize(calculator.KOPECK, rounding=ROUND_HALF_UP)


def first_of_month_after_next(today: date) -> date:
    month = today.month + 2
    return date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def decisions(number: int, bands: bool, today: date) -> list[Decision]:
    """Last year's period, this year's and the announced change, by the regulator's decisions."""
    this_year = date(today.year, 1, 1)
    announced = first_of_month_after_next(today)
    return [
        Decision(
            date(today.year - 1, 1, 1),
            date(today.year - 1, 12, 31),
            Decimal("0.90"),
            f"{number - 40}-ТР",
            date(today.year - 2, 12, 15),
            False,
        ),
        Decision(this_year, None, Decimal(1), f"{number}-ТР", date(today.year - 1, 12, 16), bands),
        Decision(
            announced,
            None,
            Decimal("1.119"),
            f"{number + 61}-ТР",
            date.fromordinal(min(today, announced).toordinal() - 14),
            bands,
        ),
    ]


def _document(region_name: str, regulator: str, decision: Decision):
    title = f"Решение № {decision.number} от {decision.decided:%d.%m.%Y} ({region_name})"
    text = (
        f"{regulator}\nРешение № {decision.number} от {decision.decided:%d.%m.%Y}\n"
        f"Об установлении цен (тарифов) на электрическую энергию для населения "
        f"и приравненных к нему категорий потребителей ({region_name}) "
        f"с {decision.valid_from:%d.%m.%Y}.\n(Демонстрационный документ.)\n"
    )
    return demo.ensure_document(
        title, f"tariff-decision-{decision.number}.txt", lambda: text.encode()
    )


def _period(
    data: dict,
    region: TariffRegion,
    category: str,
    option: str,
    decision: Decision,
    document,
) -> None:
    regional = data["regions"][region.slug]
    base = _money(Decimal(regional["prices"][category]) * decision.factor)
    period = TariffPeriod(
        region=region,
        category=category,
        metering_option=option,
        valid_from=decision.valid_from,
        valid_to=decision.valid_to,
        regulator=regional["regulator"],
        decision_number=decision.number,
        decision_date=decision.decided,
        document=document,
    )
    for zone, factor in data["zone_factors"][option].items():
        price = _money(base * Decimal(factor))
        if decision.bands:
            limit = Decimal(data["band_limit_kwh"])
            period.rates.add(TariffRate(zone=zone, band_up_to=limit, price=price))
            surcharged = _money(price * Decimal(data["band_factor"]))
            period.rates.add(TariffRate(zone=zone, price=surcharged))
        else:
            period.rates.add(TariffRate(zone=zone, price=price))
    for zone, start, end in data["zone_hours"][option]:
        period.zone_hours.add(ZoneHours(zone=zone, start=time(start), end=time(end)))
    if option == zones.SINGLE:
        amounts = {kind: _money(base * share) for kind, share in COMPONENT_SHARES.items()}
        amounts[PriceComponentKind.INFRASTRUCTURE] = base - sum(amounts.values())
        for kind, amount in amounts.items():
            period.components.add(PriceComponent(kind=kind, amount=amount))
    period.full_clean()
    now = timezone.now()
    period.first_published_at = period.last_published_at = now
    period.save()
    # Published as it is: its first revision is the live one. (A full publish() would save
    # everything twice more; the demo loads into every test database.)
    revision = period.save_revision(clean=False)
    TariffPeriod.objects.filter(pk=period.pk).update(
        live_revision=revision, has_unpublished_changes=False
    )


def load() -> None:
    demo.ensure_pages(demo.page_specs(HERE / "pages.yaml"))
    demo.load_records(HERE / "records.yaml")
    if TariffPeriod.objects.exists():
        return
    data = demo.read(HERE / "tariffs.yaml")
    today = timezone.localdate()
    for region in TariffRegion.objects.filter(slug__in=data["regions"]).order_by("sort_order"):
        regional = data["regions"][region.slug]
        number, bands = regional["decision_number"], regional["consumption_bands"]
        for decision in decisions(number, bands, today):
            document = _document(region.name, regional["regulator"], decision)
            for category in CATEGORIES:
                for option in zones.OPTIONS:
                    _period(data, region, category, option, decision, document)
