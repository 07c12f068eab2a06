"""Tariff rules as plain functions: today in Moscow, which period is in force, the checks an
editor's entry must pass, and the bill arithmetic of the calculator (§6.2 item 8).

Money is Decimal throughout and rounds to kopecks half up, line by line, as a bill does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, Protocol, TypeVar
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MOSCOW = ZoneInfo("Europe/Moscow")
KOPECK = Decimal("0.01")
KWH_STEP = Decimal("0.01")
DAY_MINUTES = 24 * 60

# Metering options and the zones each one bills.
SINGLE = "single"
TWO_ZONE = "two_zone"
THREE_ZONE = "three_zone"
OPTIONS = (SINGLE, TWO_ZONE, THREE_ZONE)

ALL_DAY = "all_day"
DAY = "day"
NIGHT = "night"
PEAK = "peak"
SEMI_PEAK = "semi_peak"
OPTION_LABELS = {
    SINGLE: gettext_lazy("single-rate"),
    TWO_ZONE: gettext_lazy("two-zone (day and night)"),
    THREE_ZONE: gettext_lazy("three-zone (peak, semi-peak, night)"),
}
ZONE_LABELS = {
    ALL_DAY: gettext_lazy("round the clock"),
    DAY: gettext_lazy("day"),
    NIGHT: gettext_lazy("night"),
    PEAK: gettext_lazy("peak"),
    SEMI_PEAK: gettext_lazy("semi-peak"),
}
ZONES_OF_OPTION: dict[str, tuple[str, ...]] = {
    SINGLE: (ALL_DAY,),
    TWO_ZONE: (DAY, NIGHT),
    THREE_ZONE: (PEAK, SEMI_PEAK, NIGHT),
}

# A typical household's month when only the total is known: night 30 %, peak 20 %,
# semi-peak 50 % (the day zone of a two-zone meter is peak + semi-peak).
TYPICAL_SHARES = {PEAK: Decimal("0.20"), SEMI_PEAK: Decimal("0.50"), NIGHT: Decimal("0.30")}


def round_money(amount: Decimal) -> Decimal:
    """Rubles to whole kopecks, half up (2.625 → 2.63)."""
    return amount.quantize(KOPECK, rounding=ROUND_HALF_UP)


def moscow_today(now: datetime | None = None) -> date:
    """The calendar date in Moscow at `now` (default: this moment)."""
    return (now or timezone.now()).astimezone(MOSCOW).date()


# --- Periods ----------------------------------------------------------------------------------


class HasDates(Protocol):
    valid_from: date
    valid_to: date | None


P = TypeVar("P", bound=HasDates)


@dataclass
class Timeline(Generic[P]):
    """The periods of one region, category and metering option, split around a day."""

    current: P | None = None
    upcoming: list[P] = field(default_factory=list)  # soonest first
    past: list[P] = field(default_factory=list)  # latest first


def end_of(period: HasDates, following: HasDates | None) -> date | None:
    """The last day a period is in force: its own end, else the eve of the next period."""
    if period.valid_to is not None:
        return period.valid_to
    if following is not None:
        return date.fromordinal(following.valid_from.toordinal() - 1)
    return None


def timeline(periods: Iterable[P], today: date) -> Timeline[P]:
    """Which period is in force on `today`, which are announced and which are archived.

    A period without an end lasts until the next one starts, so editors announce a change by
    adding the new period alone."""
    ordered = sorted(periods, key=lambda p: p.valid_from)
    result: Timeline[P] = Timeline()
    for index, period in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        end = end_of(period, following)
        if period.valid_from > today:
            result.upcoming.append(period)
        elif end is not None and end < today:
            result.past.append(period)
        else:
            result.current = period
    result.past.reverse()
    return result


def overlap_error(
    valid_from: date, valid_to: date | None, others: Iterable[tuple[date, date | None]]
) -> str | None:
    """Why the period [valid_from, valid_to] overlaps one of `others`, or None.

    Two periods overlap when they start on the same day, or when the earlier one's stated
    end falls on or after the later one's start. An earlier period with no end simply ends
    when the later one starts."""
    for other_from, other_to in others:
        if other_from == valid_from:
            return _("Another period of this tariff already starts on %(date)s.") % {
                "date": valid_from.strftime("%d.%m.%Y")
            }
        first_to, second_from = (
            (valid_to, other_from) if valid_from < other_from else (other_to, valid_from)
        )
        if first_to is not None and first_to >= second_from:
            return _("The period overlaps another period of this tariff (%(start)s – %(end)s).") % {
                "start": other_from.strftime("%d.%m.%Y"),
                "end": other_to.strftime("%d.%m.%Y") if other_to else "…",
            }
    return None


def dates_error(valid_from: date | None, valid_to: date | None) -> str | None:
    if valid_from and valid_to and valid_to <= valid_from:
        return _("The period must end after it starts.")
    return None


def rate_error(rate: Decimal | None) -> str | None:
    if rate is not None and rate <= 0:
        return _("A rate must be greater than zero.")
    return None


def rates_errors(option: str, rates: Sequence[tuple[str, Decimal | None]]) -> list[str]:
    """Check the (zone, band limit) rows of a period: every zone of the option has a rate,
    no other zones, and each band of a zone appears once."""
    errors: list[str] = []
    zones = ZONES_OF_OPTION[option]
    for zone in sorted({zone for zone, _band in rates} - set(zones)):
        errors.append(
            _("This metering option has no zone «%(zone)s».")
            % {"zone": ZONE_LABELS.get(zone, zone)}
        )
    missing = [zone for zone in zones if zone not in {zone for zone, _band in rates}]
    if missing:
        errors.append(
            _("Give a rate for every zone: %(zones)s.")
            % {"zones": ", ".join(str(ZONE_LABELS[zone]) for zone in missing)}
        )
    if len(set(rates)) != len(rates):
        errors.append(_("Each zone may have only one rate per consumption band."))
    return errors


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def zone_hours_errors(option: str, hours: Sequence[tuple[str, time, time]]) -> list[str]:
    """Check the zone hours of a multi-zone option: (zone, start, end) rows, where an end at
    or before the start runs past midnight and 00:00 – 00:00 is the whole day. Every zone of
    the option must have hours and together they must cover the 24 hours exactly once."""
    errors: list[str] = []
    zones = ZONES_OF_OPTION[option]
    if option == SINGLE and not hours:
        return errors
    for zone, _start, _end in hours:
        if zone not in zones:
            errors.append(
                _("This metering option has no zone «%(zone)s».")
                % {"zone": ZONE_LABELS.get(zone, zone)}
            )
    missing = [zone for zone in zones if zone not in {row[0] for row in hours}]
    if missing:
        errors.append(
            _("Give the hours of every zone: %(zones)s.")
            % {"zones": ", ".join(str(ZONE_LABELS[zone]) for zone in missing)}
        )
    covered = [0] * DAY_MINUTES
    for _zone, start, end in hours:
        first, last = _minutes(start), _minutes(end)
        if last <= first:
            last += DAY_MINUTES
        for minute in range(first, last):
            covered[minute % DAY_MINUTES] += 1
    twice = [m for m in range(DAY_MINUTES) if covered[m] > 1]
    gaps = [m for m in range(DAY_MINUTES) if covered[m] == 0]
    if twice:
        errors.append(
            _("Zone hours overlap from %(time)s: each hour of the day belongs to one zone only.")
            % {"time": _fmt(twice[0])}
        )
    if gaps:
        errors.append(
            _("Zone hours leave %(time)s uncovered: the zones must cover all 24 hours.")
            % {"time": _fmt(gaps[0])}
        )
    return errors


# --- The calculator ---------------------------------------------------------------------------


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
