"""The bill arithmetic of the tariff calculator (§6.2 item 8).

Money is Decimal throughout and rounds to kopecks half up, line by line, as a bill does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .zones import (
    ALL_DAY,
    DAY,
    NIGHT,
    OPTION_LABELS,
    PEAK,
    SEMI_PEAK,
    SINGLE,
    TWO_ZONE,
    ZONE_LABELS,
)

KOPECK = Decimal("0.01")
KWH_STEP = Decimal("0.01")

# A typical household's month when only the total is known: night 30 %, peak 20 %,
# semi-peak 50 % (the day zone of a two-zone meter is peak + semi-peak).
TYPICAL_SHARES = {PEAK: Decimal("0.20"), SEMI_PEAK: Decimal("0.50"), NIGHT: Decimal("0.30")}


def round_money(amount: Decimal) -> Decimal:
    """Rubles to whole kopecks, half up (2.625 → 2.63)."""
    return amount.quantize(KOPECK, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Usage:
    """A month's consumption in kWh by the zones of a three-zone meter."""

    peak: Decimal
    semi_peak: Decimal
    night: Decimal

    @property
    def total(self) -> Decimal:
        return self.peak + self.semi_peak + self.night

    def by_zone(self, option: str) -> dict[str, Decimal]:
        if option == SINGLE:
            return {ALL_DAY: self.total}
        if option == TWO_ZONE:
            return {DAY: self.peak + self.semi_peak, NIGHT: self.night}
        return {PEAK: self.peak, SEMI_PEAK: self.semi_peak, NIGHT: self.night}


def _kwh(value: Decimal) -> Decimal:
    return value.quantize(KWH_STEP, rounding=ROUND_HALF_UP)


def usage_from(
    total: Decimal | None = None,
    day: Decimal | None = None,
    night: Decimal | None = None,
    peak: Decimal | None = None,
    semi_peak: Decimal | None = None,
) -> Usage | None:
    """The month's usage from what the customer knows, most detailed first: the three zones,
    else day and night (the day split by the typical shares), else the total (split by the
    typical shares). None when nothing was given."""
    if peak is not None or semi_peak is not None:
        return Usage(peak or Decimal(0), semi_peak or Decimal(0), night or Decimal(0))
    if day is not None or (night is not None and total is None):
        day = day or Decimal(0)
        day_shares = TYPICAL_SHARES[PEAK] + TYPICAL_SHARES[SEMI_PEAK]
        peak_part = _kwh(day * TYPICAL_SHARES[PEAK] / day_shares)
        return Usage(peak_part, day - peak_part, night or Decimal(0))
    if total is not None:
        peak_part = _kwh(total * TYPICAL_SHARES[PEAK])
        night_part = _kwh(total * TYPICAL_SHARES[NIGHT])
        return Usage(peak_part, total - peak_part - night_part, night_part)
    return None


@dataclass(frozen=True)
class Rate:
    zone: str
    price: Decimal  # ₽/kWh including VAT
    band_up_to: Decimal | None = None  # the band's upper limit of monthly kWh; None: no limit


@dataclass(frozen=True)
class Line:
    zone: str
    band_up_to: Decimal | None
    kwh: Decimal
    price: Decimal
    amount: Decimal

    @property
    def zone_label(self) -> str:
        return str(ZONE_LABELS[self.zone])


@dataclass(frozen=True)
class Bill:
    option: str
    lines: tuple[Line, ...]
    amount: Decimal
    cheapest: bool = False

    @property
    def option_label(self) -> str:
        return str(OPTION_LABELS[self.option])


def band_volumes(total: Decimal, limits: Sequence[Decimal | None]) -> list[Decimal]:
    """How much of a month's total falls into each consumption band (limits ascending,
    the last one may be None: no upper limit)."""
    volumes, lower = [], Decimal(0)
    for limit in limits:
        upper = total if limit is None else min(total, limit)
        volumes.append(max(upper - lower, Decimal(0)))
        if limit is not None:
            lower = max(lower, limit)
    return volumes


def bill(option: str, rates: Sequence[Rate], usage: Usage) -> Bill:
    """The month's amount on one metering option. Where the region has consumption bands,
    the bands apply to the month's total and each zone takes its proportional share of every
    band. Each line is rounded to kopecks, half up; the amount is the sum of the lines."""
    by_zone = usage.by_zone(option)
    total = usage.total
    lines: list[Line] = []
    for zone, kwh in by_zone.items():
        zone_rates = sorted(
            (r for r in rates if r.zone == zone),
            key=lambda r: (r.band_up_to is None, r.band_up_to or 0),
        )
        if not zone_rates:
            raise ValueError(f"no rate for zone {zone} of {option}")
        volumes = band_volumes(total, [r.band_up_to for r in zone_rates])
        for rate, volume in zip(zone_rates, volumes, strict=True):
            if len(zone_rates) == 1:
                part = kwh
            elif total:
                part = kwh * volume / total
            else:
                part = Decimal(0)
            if len(zone_rates) > 1 and not part:
                continue
            lines.append(
                Line(zone, rate.band_up_to, part, rate.price, round_money(part * rate.price))
            )
    return Bill(option, tuple(lines), sum((line.amount for line in lines), Decimal("0.00")))


def compare_bills(bills: Sequence[Bill]) -> list[Bill]:
    """The bills with the cheapest one(s) marked; nothing is marked when all cost the same."""
    if not bills:
        return []
    lowest, highest = min(b.amount for b in bills), max(b.amount for b in bills)
    return [Bill(b.option, b.lines, b.amount, cheapest=b.amount == lowest < highest) for b in bills]


def percent_change(old: Decimal, new: Decimal) -> Decimal:
    """The change from old to new in percent, to one decimal place, half up."""
    return ((new - old) * 100 / old).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
