"""Domain rules of the disclosure pages as plain functions: the lead time of outage notices
(§7 2.1.2), of meter-reading visit notices (§7 2.1), and "open now" for service centres (§8)."""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from core.workdays import add_working_days, is_working_day

HOUSEHOLD_LEAD_WORKING_DAYS = 10
METER_VISIT_LEAD_DAYS = 10
# §7 table 3 item 2.2: readings are taken on working days from 11:00 to 22:00.
METER_VISIT_EARLIEST = time(11, 0)
METER_VISIT_LATEST = time(22, 0)

AUDIENCE_HOUSEHOLDS = "households"
AUDIENCE_BUSINESSES = "businesses"
AUDIENCE_ALL = "all"


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the last day of a shorter month when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def earliest_outage_start(published_on: date, audience: str) -> date:
    """The first day an outage may start when its notice is published on `published_on`:
    10 working days later for households, one calendar month later for legal entities;
    the later of both when the notice addresses everyone."""
    households = add_working_days(published_on, HOUSEHOLD_LEAD_WORKING_DAYS)
    businesses = add_months(published_on, 1)
    if audience == AUDIENCE_HOUSEHOLDS:
        return households
    if audience == AUDIENCE_BUSINESSES:
        return businesses
    return max(households, businesses)


def outage_lead_time_error(
    published_on: date, starts_on: date, audience: str, emergency: bool
) -> str | None:
    """A Russian message for the editor when the notice comes too late, else None."""
    if emergency:
        return None
    earliest = earliest_outage_start(published_on, audience)
    if starts_on >= earliest:
        return None
    if audience == AUDIENCE_HOUSEHOLDS:
        rule = _("at least 10 working days ahead for households")
    elif audience == AUDIENCE_BUSINESSES:
        rule = _("at least one calendar month ahead for legal entities")
    else:
        rule = _(
            "at least 10 working days ahead for households and one calendar month ahead "
            "for legal entities"
        )
    return _(
        "A planned outage must be announced %(rule)s. Published on %(published)s, it can "
        "start no earlier than %(earliest)s. Move the start, change the publication date or "
        "mark the notice as an emergency."
    ) % {
        "rule": rule,
        "published": published_on.strftime("%d.%m.%Y"),
        "earliest": earliest.strftime("%d.%m.%Y"),
    }


def meter_visit_lead_time_error(published_on: date, visit_from: date) -> str | None:
    earliest = published_on + timedelta(days=METER_VISIT_LEAD_DAYS)
    if visit_from >= earliest:
        return None
    return _(
        "Customers must be told of a meter-reading visit at least 10 days ahead: published "
        "on %(published)s, the visits can start no earlier than %(earliest)s."
    ) % {"published": published_on.strftime("%d.%m.%Y"), "earliest": earliest.strftime("%d.%m.%Y")}


def format_price(amount: Decimal | None, minimum: bool, unit: str) -> str:
    """One format for every additional-service price: «от 3 200 ₽ за выезд», whole roubles
    without kopecks, a no-break space between thousands; «рассчитывается индивидуально»
    when there is no price."""
    if amount is None:
        return _("calculated individually")
    number = f"{amount:,.2f}".replace(",", "\u00a0").removesuffix(".00").replace(".", ",")
    text = f"{number}\u00a0₽ {unit}"
    return _("from %(price)s") % {"price": text} if minimum else text


def meter_visit_day_error(visit_on: date) -> str | None:
    """§7 table 3 item 2.2: a visit falls on a working day of the production calendar."""
    if is_working_day(visit_on):
        return None
    return _(
        "Meter readings are taken on working days only (§7, table 3, item 2.2): %(day)s is a "
        "weekend or a public holiday."
    ) % {"day": visit_on.strftime("%d.%m.%Y")}


def meter_visit_hours_error(time_from: time, time_to: time) -> str | None:
    """§7 table 3 item 2.2: the interval lies within 11:00–22:00."""
    if METER_VISIT_EARLIEST <= time_from < time_to <= METER_VISIT_LATEST:
        return None
    return _(
        "Meter readings are taken between 11:00 and 22:00 (§7, table 3, item 2.2): give an "
        "interval within these hours."
    )


def first_working_day_from(day: date) -> date:
    """`day` itself when it is a working day, else the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class OpeningSpan:
    """Hours of one weekday (0 = Monday): open from `opens` to `closes`, with an optional
    break; `closes` is the first minute the doors are shut."""

    weekday: int
    opens: time
    closes: time
    break_starts: time | None = None
    break_ends: time | None = None

    def covers(self, moment: time) -> bool:
        if not self.opens <= moment < self.closes:
            return False
        if self.break_starts and self.break_ends:
            return not self.break_starts <= moment < self.break_ends
        return True


def is_day_off(day: date) -> bool:
    """A public holiday or a transferred day off falling on Monday–Friday closes the office;
    weekends keep their own hours (an office may open on Saturdays)."""
    return day.weekday() < 5 and not is_working_day(day)


def days_off_ahead(moment: datetime, days: int) -> list[str]:
    """ISO dates of the weekdays off (holidays, transferred days off) from `moment` on."""
    start = timezone.localdate(moment)
    ahead = (start + timedelta(days=offset) for offset in range(days))
    return [day.isoformat() for day in ahead if is_day_off(day)]


def is_open(spans: Iterable[OpeningSpan], moment: datetime) -> bool:
    """Whether an office with these hours is open at `moment` (any timezone; judged in
    Moscow time, where every office of the company is)."""
    local = timezone.localtime(moment)
    day = local.date()
    if is_day_off(day):
        return False
    now = local.time().replace(tzinfo=None)
    return any(span.weekday == day.weekday() and span.covers(now) for span in spans)


WEEKDAY_ABBREVIATIONS = [
    pgettext_lazy("weekday", "Mon"),
    pgettext_lazy("weekday", "Tue"),
    pgettext_lazy("weekday", "Wed"),
    pgettext_lazy("weekday", "Thu"),
    pgettext_lazy("weekday", "Fri"),
    pgettext_lazy("weekday", "Sat"),
    pgettext_lazy("weekday", "Sun"),
]


def summarise_hours(spans: Iterable[OpeningSpan]) -> str:
    """A week's hours in one line, runs of equal days joined: «Пн–Чт 08:30–17:30, Пт
    08:30–16:15, Сб 09:00–14:00, Вс выходной» (breaks are left to the contacts page)."""
    by_day = {span.weekday: f"{span.opens:%H:%M}–{span.closes:%H:%M}" for span in spans}
    runs: list[tuple[int, int, str]] = []
    for day in range(7):
        hours = by_day.get(day, str(_("day off")))
        if runs and runs[-1][2] == hours and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day, hours)
        else:
            runs.append((day, day, hours))
    parts = []
    for first, last, hours in runs:
        days = str(WEEKDAY_ABBREVIATIONS[first])
        if last != first:
            days += "–" + str(WEEKDAY_ABBREVIATIONS[last])
        parts.append(f"{days} {hours}")
    return ", ".join(parts)


def describe_outage(notice) -> str:
    """The seven fields of §7 2.1.2 as one plain-text paragraph (feeds, calendars)."""
    start = timezone.localtime(notice.starts_at)
    if notice.ends_at:
        when = _("from %(start)s to %(end)s") % {
            "start": start.strftime("%d.%m.%Y %H:%M"),
            "end": timezone.localtime(notice.ends_at).strftime("%d.%m.%Y %H:%M"),
        }
    else:
        when = _("from %(start)s, %(duration)s") % {
            "start": start.strftime("%d.%m.%Y %H:%M"),
            "duration": notice.duration,
        }
    where = notice.localities + (f"; {notice.streets}" if notice.streets else "")
    labelled = [
        (_("Organisation"), notice.organisation),
        (_("Type of work"), notice.work_type),
        (_("Reason"), notice.reason),
        (_("When"), when),
        (_("Where"), where),
        (_("Responsible"), f"{notice.responsible_position} {notice.responsible_name}"),
        (_("Phone"), notice.contact_phone),
    ]
    parts = [f"{label}: {value}" for label, value in labelled]
    return ". ".join(parts)


def outages_to_ical(notices, base_url: str) -> bytes:
    """An iCalendar (RFC 5545) file with one event per outage notice."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//RUSENERGOSBYT//outages//RU")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Planned outages"))
    for notice in notices:
        event = Event()
        event.add("uid", f"outage-{notice.pk}@ruses.ru")
        event.add("summary", f"{notice.work_type}: {notice.localities}")
        event.add("dtstart", notice.starts_at)
        event.add("dtend", notice.ends_at or notice.starts_at + timedelta(hours=8))
        event.add("dtstamp", notice.last_published_at or notice.starts_at)
        event.add("location", f"{notice.localities} {notice.streets}".strip())
        event.add("description", describe_outage(notice))
        event.add("url", f"{base_url}#notice-{notice.pk}")
        cal.add_component(event)
    return cal.to_ical()


SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def opening_hours_schema(spans: Iterable[OpeningSpan]) -> list[dict]:
    """schema.org OpeningHoursSpecification; a break splits the day in two."""
    result = []
    for span in spans:
        parts = [(span.opens, span.closes)]
        if span.break_starts and span.break_ends:
            parts = [(span.opens, span.break_starts), (span.break_ends, span.closes)]
        result.extend(
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[span.weekday]}",
                "opens": opens.strftime("%H:%M"),
                "closes": closes.strftime("%H:%M"),
            }
            for opens, closes in parts
        )
    return result
