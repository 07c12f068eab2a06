"""Unit tests of the domain rules in readings/services.py (no database)."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from readings.services import (
    MeterFacts,
    billing_period,
    check_readings,
    counts_for_next_period,
    format_reading,
    parse_period,
    parse_reading,
)

MSK = ZoneInfo("Europe/Moscow")
TODAY = dt.date(2026, 11, 20)
LIMIT = Decimal(100)


@pytest.fixture(autouse=True)
def russian():
    with translation.override("ru"):
        yield


# --- the billing period at the cut-off, in Moscow time ---------------------------------------


@pytest.mark.parametrize(
    ("moment", "period"),
    [
        (dt.datetime(2026, 11, 25, 23, 59, 59, tzinfo=MSK), dt.date(2026, 11, 1)),
        (dt.datetime(2026, 11, 26, 0, 0, 0, tzinfo=MSK), dt.date(2026, 12, 1)),
        # 20:59:59 UTC on the 25th is 23:59:59 in Moscow: still this month
        (dt.datetime(2026, 11, 25, 20, 59, 59, tzinfo=dt.UTC), dt.date(2026, 11, 1)),
        # 21:00 UTC on the 25th is already the 26th in Moscow: the next period
        (dt.datetime(2026, 11, 25, 21, 0, 0, tzinfo=dt.UTC), dt.date(2026, 12, 1)),
        (dt.datetime(2026, 11, 1, 0, 0, tzinfo=MSK), dt.date(2026, 11, 1)),
        # after the cut-off in December: January of the next year
        (dt.datetime(2026, 12, 31, 12, 0, tzinfo=MSK), dt.date(2027, 1, 1)),
        # 31 Dec 22:30 UTC is 1 Jan in Moscow: January
        (dt.datetime(2026, 12, 31, 22, 30, tzinfo=dt.UTC), dt.date(2027, 1, 1)),
    ],
)
def test_billing_period_at_the_cutoff(moment, period):
    assert billing_period(moment, 25) == period


def test_counts_for_next_period_only_after_the_cutoff():
    assert not counts_for_next_period(dt.datetime(2026, 11, 25, 23, 59, tzinfo=MSK), 25)
    assert counts_for_next_period(dt.datetime(2026, 11, 26, 0, 0, tzinfo=MSK), 25)
    assert not counts_for_next_period(dt.datetime(2026, 11, 26, 0, 0, tzinfo=MSK), 31)


def test_a_naive_moment_or_a_bad_cutoff_is_refused():
    with pytest.raises(ValueError):
        billing_period(dt.datetime(2026, 11, 25, 12, 0), 25)
    with pytest.raises(ValueError):
        billing_period(dt.datetime(2026, 11, 25, 12, 0, tzinfo=MSK), 0)


def test_parse_period():
    assert parse_period("2026-11") == dt.date(2026, 11, 1)
    with pytest.raises(ValueError):
        parse_period("11.2026x")


# --- readings ---------------------------------------------------------------------------------


def test_whole_numbers_with_spaces_are_read():
    assert parse_reading(" 12 345 ", 0) == Decimal(12345)


@pytest.mark.parametrize("text", ["12345,5", "12345.5", "abc", "-5", "1e5", "12,3,4"])
def test_a_whole_number_meter_refuses_anything_else(text):
    with pytest.raises(ValueError):
        parse_reading(text, 0)


def test_decimals_up_to_the_meters_configuration():
    assert parse_reading("812,55", 2) == Decimal("812.55")
    with pytest.raises(ValueError, match="не более 1"):
        parse_reading("812,55", 1)


def test_too_many_digits_are_refused():
    with pytest.raises(ValueError):
        parse_reading("1234567890", 0)


def facts(zones=2, last=(Decimal(10000), Decimal(5000)), date=dt.date(2026, 10, 21), decimals=0):
    return MeterFacts(zones=zones, decimals=decimals, last_readings=last, last_reading_date=date)


def test_a_valid_two_zone_submission_is_accepted():
    verdict = check_readings(facts(), {"reading_t1": "10100", "reading_t2": "5050"}, TODAY, LIMIT)
    assert verdict.accepted and not verdict.flagged
    assert verdict.readings == (Decimal(10100), Decimal(5050))


def test_a_missing_zone_is_an_error_on_its_field():
    verdict = check_readings(facts(), {"reading_t1": "10100"}, TODAY, LIMIT)
    assert list(verdict.errors) == ["reading_t2"]
    assert "2 зоны" in verdict.errors["reading_t2"][0]


def test_a_reading_for_a_zone_the_meter_lacks_is_an_error():
    verdict = check_readings(
        facts(), {"reading_t1": "10100", "reading_t2": "5050", "reading_t3": "1"}, TODAY, LIMIT
    )
    assert list(verdict.errors) == ["reading_t3"]
    assert "оставьте это поле пустым" in verdict.errors["reading_t3"][0]


def test_a_single_zone_meter_needs_its_one_reading():
    verdict = check_readings(facts(zones=1, last=(Decimal(5),)), {}, TODAY, LIMIT)
    assert list(verdict.errors) == ["reading_t1"]


def test_below_the_last_accepted_reading_is_refused():
    verdict = check_readings(facts(), {"reading_t1": "9999", "reading_t2": "5000"}, TODAY, LIMIT)
    assert list(verdict.errors) == ["reading_t1"]
    assert "ниже последнего принятого (10000)" in verdict.errors["reading_t1"][0]


def test_equal_to_the_last_reading_is_accepted():
    verdict = check_readings(facts(), {"reading_t1": "10000", "reading_t2": "5000"}, TODAY, LIMIT)
    assert verdict.accepted


def test_an_implausible_jump_is_accepted_but_flagged():
    # 30 days since 21.10 at 100 kWh a day: 3000 kWh is the most that is not flagged
    ok = check_readings(facts(), {"reading_t1": "12000", "reading_t2": "6000"}, TODAY, LIMIT)
    assert ok.accepted and not ok.flagged
    jump = check_readings(facts(), {"reading_t1": "12000", "reading_t2": "6001"}, TODAY, LIMIT)
    assert jump.accepted and jump.flagged
    assert "3001 кВт·ч за 30 дн." in jump.flag_reason


def test_no_jump_check_without_a_last_reading():
    verdict = check_readings(
        facts(zones=1, last=(None,), date=None), {"reading_t1": "999999"}, TODAY, LIMIT
    )
    assert verdict.accepted and not verdict.flagged


def test_a_bad_format_is_an_error_on_its_field():
    verdict = check_readings(facts(), {"reading_t1": "10 100,5", "reading_t2": "x"}, TODAY, LIMIT)
    assert set(verdict.errors) == {"reading_t1", "reading_t2"}
    assert "целым числом" in verdict.errors["reading_t1"][0]


def test_format_reading_uses_a_decimal_comma():
    assert format_reading(Decimal("12345.600")) == "12345,6"
    assert format_reading(Decimal("10000.000")) == "10000"
    assert format_reading(Decimal("1E+4")) == "10000"
