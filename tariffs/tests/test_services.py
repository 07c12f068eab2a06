"""The tariff rules: Moscow's today, the timeline of periods, validation and the calculator."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from tariffs import calculator, periods, zones
from tariffs.calculator import Rate, Usage
from tariffs.zones import (
    ALL_DAY,
    DAY,
    NIGHT,
    PEAK,
    SEMI_PEAK,
    SINGLE,
    THREE_ZONE,
    TWO_ZONE,
)

D = Decimal


@pytest.fixture(autouse=True)
def russian():
    with translation.override("ru"):
        yield


@dataclass
class P:
    valid_from: date
    valid_to: date | None = None


# --- rounding and the calculator -----------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [("2.625", "2.63"), ("2.635", "2.64"), ("2.6249", "2.62"), ("0.005", "0.01"), ("10", "10.00")],
)
def test_money_rounds_to_kopecks_half_up(amount, rounded):
    assert calculator.round_money(D(amount)) == D(rounded)


def test_single_rate_bill_is_kwh_times_price():
    bill = calculator.bill(SINGLE, [Rate(ALL_DAY, D("6.17"))], Usage(D(60), D(150), D(90)))
    assert bill.amount == D("1851.00")
    assert [(line.zone, line.kwh) for line in bill.lines] == [(ALL_DAY, D(300))]


def test_each_line_rounds_half_up_and_the_amount_is_their_sum():
    # 0.5 kWh × 5.25 = 2.625 → 2.63 (bankers' rounding would give 2.62); twice: 5.26, not 5.25
    rates = [Rate(DAY, D("5.25")), Rate(NIGHT, D("5.25"))]
    bill = calculator.bill(TWO_ZONE, rates, Usage(D("0.25"), D("0.25"), D("0.5")))
    assert [line.amount for line in bill.lines] == [D("2.63"), D("2.63")]
    assert bill.amount == D("5.26")


def test_two_zone_day_is_peak_plus_semi_peak():
    rates = [Rate(DAY, D("7.00")), Rate(NIGHT, D("3.00"))]
    bill = calculator.bill(TWO_ZONE, rates, Usage(D(50), D(150), D(100)))
    assert bill.amount == D("1700.00")  # 200 × 7 + 100 × 3


def test_three_zone_bill():
    rates = [Rate(PEAK, D("8.10")), Rate(SEMI_PEAK, D("6.00")), Rate(NIGHT, D("3.05"))]
    bill = calculator.bill(THREE_ZONE, rates, Usage(D("10.5"), D(20), D(30)))
    assert bill.amount == D("296.55")  # 85.05 + 120 + 91.50


def test_bands_apply_to_the_total_and_zones_share_them():
    rates = [
        Rate(DAY, D("5.00"), band_up_to=D(100)),
        Rate(DAY, D("10.00")),
        Rate(NIGHT, D("2.00"), band_up_to=D(100)),
        Rate(NIGHT, D("4.00")),
    ]
    # 150 kWh: 100 in the first band, 50 above; day takes 2/3 of each, night 1/3.
    bill = calculator.bill(TWO_ZONE, rates, Usage(D(0), D(100), D(50)))
    amounts = {(line.zone, line.band_up_to): line.amount for line in bill.lines}
    assert amounts == {
        (DAY, D(100)): D("333.33"),
        (DAY, None): D("333.33"),
        (NIGHT, D(100)): D("66.67"),
        (NIGHT, None): D("66.67"),
    }
    assert bill.amount == D("800.00")


def test_band_volumes():
    assert calculator.band_volumes(D(5000), [D(3900), D(6000), None]) == [D(3900), D(1100), D(0)]
    assert calculator.band_volumes(D(100), [D(3900), None]) == [D(100), D(0)]


def test_cheapest_option_is_marked():
    usage = Usage(D(20), D(50), D(130))  # a night-heavy household
    bills = calculator.compare_bills(
        [
            calculator.bill(SINGLE, [Rate(ALL_DAY, D("6.00"))], usage),
            calculator.bill(TWO_ZONE, [Rate(DAY, D("7.00")), Rate(NIGHT, D("3.00"))], usage),
        ]
    )
    assert [(b.option, b.amount, b.cheapest) for b in bills] == [
        (SINGLE, D("1200.00"), False),
        (TWO_ZONE, D("880.00"), True),
    ]


def test_nothing_is_marked_when_every_option_costs_the_same():
    usage = Usage(D(0), D(0), D(0))
    bills = calculator.compare_bills(
        [
            calculator.bill(SINGLE, [Rate(ALL_DAY, D("6.00"))], usage),
            calculator.bill(TWO_ZONE, [Rate(DAY, D("7.00")), Rate(NIGHT, D("3.00"))], usage),
        ]
    )
    assert [(b.amount, b.cheapest) for b in bills] == [(D("0.00"), False), (D("0.00"), False)]


def test_usage_from_total_uses_the_typical_split():
    usage = calculator.usage_from(total=D(333))
    assert (usage.peak, usage.semi_peak, usage.night) == (D("66.60"), D("166.50"), D("99.90"))
    assert usage.total == D(333)


def test_usage_from_day_and_night_splits_the_day():
    usage = calculator.usage_from(day=D(140), night=D(60))
    assert (usage.peak, usage.semi_peak, usage.night) == (D(40), D(100), D(60))


def test_usage_from_zones_and_nothing():
    assert calculator.usage_from(peak=D(1), semi_peak=D(2), night=D(3)) == Usage(D(1), D(2), D(3))
    assert calculator.usage_from() is None


def test_percent_change():
    assert calculator.percent_change(D("8.00"), D("8.90")) == D("11.3")  # 11.25 → 11.3
    assert calculator.percent_change(D("4.00"), D("3.00")) == D("-25.0")


# --- the day a change takes effect, in Moscow ------------------------------------------------


def test_the_local_day_turns_at_moscow_midnight():
    # 20:59 UTC is 23:59 in Moscow, 21:00 UTC is 00:00 the next day (TIME_ZONE).
    assert timezone.localdate(datetime(2027, 6, 30, 20, 59, tzinfo=UTC)) == date(2027, 6, 30)
    assert timezone.localdate(datetime(2027, 6, 30, 21, 0, tzinfo=UTC)) == date(2027, 7, 1)


def test_timeline_switches_on_the_first_day_of_the_new_period():
    old, new = P(date(2027, 1, 1)), P(date(2027, 7, 1))
    eve = periods.timeline([new, old], date(2027, 6, 30))
    assert eve.current is old and eve.upcoming == [new] and eve.past == []
    day = periods.timeline([new, old], date(2027, 7, 1))
    assert day.current is new and day.upcoming == [] and day.past == [old]


def test_period_with_an_end_in_the_past_leaves_nothing_in_force():
    line = periods.timeline([P(date(2026, 1, 1), date(2026, 6, 30))], date(2026, 7, 1))
    assert line.current is None and len(line.past) == 1


def test_open_period_ends_on_the_eve_of_the_next():
    assert periods.end_of(P(date(2027, 1, 1)), P(date(2027, 7, 1))) == date(2027, 6, 30)
    assert periods.end_of(P(date(2027, 1, 1)), None) is None


# --- validation -------------------------------------------------------------------------------


def test_end_must_be_after_start():
    assert periods.dates_error(date(2027, 7, 1), date(2027, 7, 1)) == (
        "Период должен заканчиваться позже, чем начинается."
    )
    assert periods.dates_error(date(2027, 7, 1), date(2027, 6, 1))
    assert periods.dates_error(date(2027, 7, 1), date(2027, 7, 2)) is None
    assert periods.dates_error(date(2027, 7, 1), None) is None


@pytest.mark.parametrize(
    ("start", "end", "others", "overlaps"),
    [
        (date(2027, 7, 1), None, [(date(2027, 1, 1), None)], False),  # the next change
        (date(2027, 1, 1), None, [(date(2027, 7, 1), None)], False),  # entered out of order
        (date(2027, 7, 1), None, [(date(2027, 1, 1), date(2027, 6, 30))], False),
        (date(2027, 7, 1), None, [(date(2027, 1, 1), date(2027, 7, 1))], True),
        (date(2027, 1, 1), date(2027, 8, 1), [(date(2027, 7, 1), None)], True),
        (date(2027, 7, 1), date(2027, 12, 31), [(date(2027, 7, 1), None)], True),  # same day
        (date(2027, 3, 1), date(2027, 4, 1), [(date(2027, 1, 1), date(2027, 12, 31))], True),
    ],
)
def test_overlapping_periods(start, end, others, overlaps):
    assert (periods.overlap_error(start, end, others) is not None) is overlaps


def test_overlap_message_is_clear():
    message = periods.overlap_error(
        date(2027, 3, 1), None, [(date(2027, 1, 1), date(2027, 12, 31))]
    )
    assert (
        message == "Период пересекается с другим периодом этого тарифа (01.01.2027 – 31.12.2027)."
    )


def test_rates_must_be_positive():
    assert zones.rate_error(D("0")) == "Тариф должен быть больше нуля."
    assert zones.rate_error(D("-1.00"))
    assert zones.rate_error(D("0.01")) is None


def hours(*rows):
    return [(zone, time(start), time(end)) for zone, start, end in rows]


def test_zone_hours_that_cover_the_day_once_pass():
    assert zones.zone_hours_errors(TWO_ZONE, hours((DAY, 7, 23), (NIGHT, 23, 7))) == []
    three = hours((PEAK, 7, 10), (PEAK, 17, 21), (SEMI_PEAK, 10, 17), (SEMI_PEAK, 21, 23))
    assert zones.zone_hours_errors(THREE_ZONE, [*three, *hours((NIGHT, 23, 7))]) == []
    assert zones.zone_hours_errors(SINGLE, []) == []
    assert zones.zone_hours_errors(SINGLE, hours((ALL_DAY, 0, 0))) == []


def test_zone_hours_with_a_gap_fail():
    errors = zones.zone_hours_errors(TWO_ZONE, hours((DAY, 7, 22), (NIGHT, 23, 7)))
    assert errors == ["Часы зон не охватывают 22:00: зоны должны покрывать все 24 часа."]


def test_zone_hours_counted_twice_fail():
    errors = zones.zone_hours_errors(TWO_ZONE, hours((DAY, 7, 23), (NIGHT, 22, 7)))
    assert errors == [
        "Часы зон пересекаются с 22:00: каждый час суток относится только к одной зоне."
    ]


def test_zone_hours_need_every_zone_and_only_the_option_zones():
    errors = zones.zone_hours_errors(TWO_ZONE, hours((DAY, 0, 0)))
    assert errors == ["Укажите часы каждой зоны: ночь."]
    errors = zones.zone_hours_errors(TWO_ZONE, hours((DAY, 7, 23), (PEAK, 23, 7)))
    assert "В этом варианте учёта нет зоны «пик»." in errors


def test_rates_need_every_zone_once_per_band():
    assert zones.rates_errors(TWO_ZONE, [(DAY, None), (NIGHT, None)]) == []
    assert zones.rates_errors(TWO_ZONE, [(DAY, None)]) == ["Укажите тариф для каждой зоны: ночь."]
    assert zones.rates_errors(SINGLE, [(ALL_DAY, None), (ALL_DAY, None)]) == [
        "Для каждой зоны может быть только один тариф на диапазон потребления."
    ]
