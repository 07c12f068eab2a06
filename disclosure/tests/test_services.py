"""Domain rules of the disclosure app: outage lead times on the production calendar, meter
visit notices, and "open now" at the boundaries."""

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from disclosure import services
from disclosure.services import OpeningSpan, is_open

HOUSEHOLDS = services.AUDIENCE_HOUSEHOLDS
BUSINESSES = services.AUDIENCE_BUSINESSES
ALL = services.AUDIENCE_ALL


@pytest.mark.parametrize(
    ("published", "earliest"),
    [
        # Working days only: 01.05, 09.05 and the observed 11.05 are skipped.
        (date(2026, 4, 29), date(2026, 5, 15)),
        # New Year: 31.12.2025 and 09.01.2026 are transferred days off.
        (date(2025, 12, 30), date(2026, 1, 23)),
        # Saturday 01.11.2025 was a working day; Monday 03.11 a transferred day off.
        (date(2025, 10, 24), date(2025, 11, 10)),
        # An ordinary fortnight: two weeks of five working days.
        (date(2026, 10, 5), date(2026, 10, 19)),
    ],
)
def test_households_need_ten_working_days(published, earliest):
    assert services.earliest_outage_start(published, HOUSEHOLDS) == earliest
    assert services.outage_lead_time_error(published, earliest, HOUSEHOLDS, False) is None
    day_before = date.fromordinal(earliest.toordinal() - 1)
    assert services.outage_lead_time_error(published, day_before, HOUSEHOLDS, False)


@pytest.mark.parametrize(
    ("published", "earliest"),
    [
        (date(2026, 3, 10), date(2026, 4, 10)),
        (date(2026, 1, 31), date(2026, 2, 28)),  # no 31 February: the month's last day
        (date(2026, 12, 15), date(2027, 1, 15)),
    ],
)
def test_legal_entities_need_a_calendar_month(published, earliest):
    assert services.earliest_outage_start(published, BUSINESSES) == earliest


def test_everyone_takes_the_later_of_both_rules():
    # Ten working days from 30.12.2025 (23.01) end before a month (30.01).
    assert services.earliest_outage_start(date(2025, 12, 30), ALL) == date(2026, 1, 30)


def test_emergency_needs_no_lead_time():
    assert services.outage_lead_time_error(date(2026, 5, 5), date(2026, 5, 5), ALL, True) is None


def test_lead_time_message_is_russian_and_names_the_earliest_date():
    with translation.override("ru"):
        message = services.outage_lead_time_error(
            date(2026, 4, 29), date(2026, 5, 6), HOUSEHOLDS, False
        )
    assert "10 рабочих дней" in message
    assert "15.05.2026" in message
    assert "29.04.2026" in message


def test_meter_visit_needs_ten_days():
    assert services.meter_visit_lead_time_error(date(2026, 5, 1), date(2026, 5, 11)) is None
    with translation.override("ru"):
        message = services.meter_visit_lead_time_error(date(2026, 5, 1), date(2026, 5, 10))
    assert "11.05.2026" in message


def test_meter_visit_falls_on_a_working_day():
    assert services.meter_visit_day_error(date(2026, 5, 12)) is None  # a Tuesday
    with translation.override("ru"):
        saturday = services.meter_visit_day_error(date(2026, 5, 16))
        holiday = services.meter_visit_day_error(date(2026, 5, 11))  # Victory Day moved
    assert "16.05.2026" in saturday and "2.2" in saturday
    assert holiday is not None
    assert services.first_working_day_from(date(2026, 5, 16)) == date(2026, 5, 18)
    assert services.first_working_day_from(date(2026, 5, 12)) == date(2026, 5, 12)


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        (time(11, 0), time(22, 0), True),
        (time(12, 0), time(16, 0), True),
        (time(10, 0), time(16, 0), False),
        (time(11, 0), time(22, 30), False),
        (time(8, 0), time(10, 0), False),
    ],
)
def test_meter_visit_lies_within_11_to_22(start, end, ok):
    assert (services.meter_visit_hours_error(start, end) is None) is ok


MONDAY = OpeningSpan(0, time(8, 30), time(17, 30), time(12, 30), time(13, 15))
FRIDAY = OpeningSpan(4, time(8, 30), time(16, 15))


def msk(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.get_current_timezone())


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (msk(2026, 11, 23, 8, 29), False),  # before opening
        (msk(2026, 11, 23, 8, 30), True),  # the opening minute
        (msk(2026, 11, 23, 12, 29), True),
        (msk(2026, 11, 23, 12, 30), False),  # the break starts
        (msk(2026, 11, 23, 13, 14), False),
        (msk(2026, 11, 23, 13, 15), True),  # the break is over
        (msk(2026, 11, 23, 17, 29), True),
        (msk(2026, 11, 23, 17, 30), False),  # the closing minute: shut
        (msk(2026, 11, 24, 10, 0), False),  # Tuesday: no hours given
        (msk(2026, 11, 27, 16, 14), True),  # Friday, short day
        (msk(2026, 11, 27, 16, 15), False),
    ],
)
def test_open_now_at_the_boundaries(moment, expected):
    assert is_open([MONDAY, FRIDAY], moment) is expected


def test_open_now_is_judged_in_moscow_time():
    # 05:45 UTC is 08:45 in Moscow on a Monday.
    assert is_open([MONDAY], datetime(2026, 11, 23, 5, 45, tzinfo=UTC))
    assert not is_open([MONDAY], datetime(2026, 11, 23, 5, 15, tzinfo=UTC))


def test_closed_on_public_holidays_and_transferred_days_off():
    every_day = [OpeningSpan(day, time(8), time(20)) for day in range(7)]
    assert not is_open(every_day, msk(2026, 11, 4, 10, 0))  # Unity Day, a Wednesday
    assert not is_open(every_day, msk(2026, 1, 9, 10, 0))  # Friday, transferred day off
    assert not is_open(every_day, msk(2026, 3, 9, 10, 0))  # Monday, observed holiday
    assert is_open(every_day, msk(2026, 11, 5, 10, 0))  # the next day is ordinary
    assert is_open(every_day, msk(2026, 11, 28, 10, 0))  # a Saturday keeps its own hours


def test_add_months_clamps_to_the_month_end():
    assert services.add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert services.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert services.add_months(date(2026, 5, 15), -12) == date(2025, 5, 15)


def test_days_off_ahead_lists_weekday_holidays_only():
    start = msk(2026, 12, 28, 10, 0)
    assert services.days_off_ahead(start, 14) == [
        "2026-12-31",
        "2027-01-01",
        "2027-01-04",
        "2027-01-05",
        "2027-01-06",
        "2027-01-07",
        "2027-01-08",
    ]


def test_one_format_for_every_price():
    with translation.override("ru"):
        assert (
            services.format_price(Decimal("1800"), False, "за услугу")
            == "1\u00a0800\u00a0₽ за услугу"
        )
        assert services.format_price(Decimal("3200.50"), True, "за выезд") == (
            "от 3\u00a0200,50\u00a0₽ за выезд"
        )
        assert services.format_price(None, False, "за услугу") == "рассчитывается индивидуально"


def test_hours_summarised_in_one_line():
    week = [OpeningSpan(day, time(8, 30), time(17, 30)) for day in range(4)]
    week += [FRIDAY, OpeningSpan(5, time(9), time(14))]
    with translation.override("ru"):
        assert services.summarise_hours(week) == (
            "Пн–Чт 08:30–17:30, Пт 08:30–16:15, Сб 09:00–14:00, Вс выходной"
        )
