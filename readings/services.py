"""Domain rules of meter-reading intake as plain typed functions (no database access).

The billing period of a reading (§6.2 item 6: the procedure of accepting readings) and the
validation of one submission against what the billing system's registry knows of the meter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ZONE_FIELDS = ("reading_t1", "reading_t2", "reading_t3")
MAX_INTEGER_DIGITS = 9
ACCOUNT_RE = re.compile(r"^\d{5,20}$")
METER_RE = re.compile(r"^[0-9A-Za-zА-Яа-яЁё-]{1,30}$")


# --- Billing period ------------------------------------------------------------------------


def first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def billing_period(moment: dt.datetime, cutoff_day: int) -> dt.date:
    """The billing period (its first day) a reading sent at `moment` counts for: the current
    month up to and including the cut-off day (Moscow time), the next month after it."""
    if not 1 <= cutoff_day <= 31:
        raise ValueError("cutoff_day must be between 1 and 31")
    day = timezone.localdate(moment)
    if day.day > cutoff_day:
        return first_of_next_month(day)
    return day.replace(day=1)


def counts_for_next_period(moment: dt.datetime, cutoff_day: int) -> bool:
    """True when a reading sent at `moment` is after the cut-off of its month."""
    return billing_period(moment, cutoff_day) != timezone.localdate(moment).replace(day=1)


def parse_period(text: str) -> dt.date:
    """A period written as YYYY-MM (as in the export command) → its first day."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return dt.date(year, month, 1)
    except ValueError as error:
        raise ValueError(_("The period must look like 2026-11.")) from error


# --- Readings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeterFacts:
    """What the registry knows of a meter."""

    zones: int
    decimals: int = 0
    last_readings: tuple[Decimal | None, ...] = ()
    last_reading_date: dt.date | None = None


@dataclass
class Verdict:
    """The outcome of checking one submission: errors by form field (the submission is
    rejected when there are any) and, when accepted, why staff should look at it."""

    errors: dict[str, list[str]] = field(default_factory=dict)
    readings: tuple[Decimal, ...] = ()
    flag_reason: str = ""

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    @property
    def accepted(self) -> bool:
        return not self.errors

    @property
    def flagged(self) -> bool:
        return bool(self.flag_reason)


def parse_reading(text: str, decimals: int) -> Decimal:
    """A reading as typed (spaces and a decimal comma allowed) → Decimal; ValueError with a
    message for the customer when it is not a non-negative number with at most `decimals`
    digits after the point."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        if decimals:
            raise ValueError(_("Enter the reading as digits, e.g. 12345 or 12345,6."))
        raise ValueError(_("Enter the reading as a whole number of kWh, e.g. 12345."))
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:  # pragma: no cover - the pattern already guards this
        raise ValueError(_("Enter the reading as digits.")) from error
    integer, _sep, fraction = cleaned.partition(".")
    if len(integer.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise ValueError(_("The reading is too long: at most 9 digits before the point."))
    if len(fraction) > decimals:
        if decimals == 0:
            raise ValueError(_("This meter shows whole kWh: enter the reading without a fraction."))
        raise ValueError(
            ngettext(
                "This meter shows at most %(count)d digit after the point.",
                "This meter shows at most %(count)d digits after the point.",
                decimals,
            )
            % {"count": decimals}
        )
    return value


def zone_label(index: int, zones: int) -> str:
    """T1/T2/T3 with the usual names of the zones of a one-, two- or three-zone meter."""
    names = {
        1: [_("T1 (single rate)")],
        2: [_("T1 (day)"), _("T2 (night)")],
        3: [_("T1 (peak)"), _("T2 (night)"), _("T3 (semi-peak)")],
    }
    return names[zones][index]


def check_readings(
    facts: MeterFacts,
    typed: dict[str, str],
    today: dt.date,
    max_kwh_per_day: Decimal,
) -> Verdict:
    """Checks the readings typed into reading_t1..t3 against the meter:
    one reading per zone and none for zones the meter lacks; the meter's number format; not
    below the last accepted reading; an implausible jump (more than `max_kwh_per_day` kWh a day
    since the last reading, all zones together) is accepted but flagged for staff."""
    verdict = Verdict()
    values: list[Decimal] = []
    for index, name in enumerate(ZONE_FIELDS):
        text = (typed.get(name) or "").strip()
        if index >= facts.zones:
            if text:
                verdict.add(
                    name,
                    ngettext(
                        "This meter has %(count)d zone: leave this field empty.",
                        "This meter has %(count)d zones: leave this field empty.",
                        facts.zones,
                    )
                    % {"count": facts.zones},
                )
            continue
        if not text:
            if facts.zones == 1:
                verdict.add(name, _("Enter the reading of the meter."))
            else:
                verdict.add(
                    name,
                    _("This meter has %(count)d zones: enter the reading of zone %(zone)s.")
                    % {"count": facts.zones, "zone": zone_label(index, facts.zones)},
                )
            continue
        try:
            value = parse_reading(text, facts.decimals)
        except ValueError as error:
            verdict.add(name, str(error))
            continue
        values.append(value)
        last = facts.last_readings[index] if index < len(facts.last_readings) else None
        if last is not None and value < last:
            verdict.add(
                name,
                _(
                    "The reading is below the last accepted one (%(last)s): check the digits "
                    "you typed."
                )
                % {"last": format_reading(last)},
            )
    if verdict.errors:
        return verdict
    verdict.readings = tuple(values)
    verdict.flag_reason = jump_reason(facts, verdict.readings, today, max_kwh_per_day)
    return verdict


def jump_reason(
    facts: MeterFacts, readings: tuple[Decimal, ...], today: dt.date, max_kwh_per_day: Decimal
) -> str:
    """Why the consumption since the last reading looks implausible, or ""."""
    if facts.last_reading_date is None or not facts.last_readings:
        return ""
    if any(last is None for last in facts.last_readings[: len(readings)]):
        return ""
    used = sum(
        (value - last for value, last in zip(readings, facts.last_readings, strict=False)),
        Decimal(0),
    )
    days = max((today - facts.last_reading_date).days, 1)
    if used > max_kwh_per_day * days:
        return _("%(used)s kWh in %(days)d days since %(date)s: more than %(limit)s kWh a day.") % {
            "used": format_reading(used),
            "days": days,
            "date": facts.last_reading_date.strftime("%d.%m.%Y"),
            "limit": format_reading(max_kwh_per_day),
        }
    return ""


def format_reading(value: Decimal) -> str:
    """12345.60 → "12345,6" (Russian decimal comma, no trailing zeros)."""
    text = format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def normalise_readings(readings: tuple[Decimal, ...], decimals: int) -> tuple[Decimal, ...]:
    """Readings quantised to the meter's decimals, so that 12345 and 12345,0 compare equal."""
    quantum = Decimal(1).scaleb(-decimals)
    return tuple(value.quantize(quantum) for value in readings)
