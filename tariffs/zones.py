"""Metering options and their zones (§6.2 item 8): which zones each option bills, and the
checks a period's rates and zone hours must pass."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


def banding_error(
    rates: Sequence[tuple[str, Decimal | None]], region_banded: bool | None
) -> str | None:
    """A period follows its region's banding: with consumption bands where the region's
    published periods have them, without where they have none (None: nothing published yet).
    Otherwise the page would compare a banded rate with an unbanded one."""
    if region_banded is None:
        return None
    banded = any(band is not None for _zone, band in rates)
    if region_banded and not banded:
        return _(
            "The region's published periods have consumption bands: give the rates by band "
            "(the upper limit of each band but the top one)."
        )
    if banded and not region_banded:
        return _(
            "The region's published periods have no consumption bands: leave the band limits empty."
        )
    return None


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
