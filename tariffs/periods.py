"""Tariff periods in time: which period is in force on a day, which are announced and which
archived, and the date checks of an editor's entry (§6.2 item 8)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Protocol, TypeVar

from django.utils.translation import gettext as _


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
