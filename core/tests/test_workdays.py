from datetime import date

import pytest

from core.workdays import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 1, 8), False),  # New Year holidays
        (date(2026, 1, 9), False),  # transferred day off (from 3 January)
        (date(2026, 1, 12), True),  # first working Monday of 2026
        (date(2026, 12, 31), False),  # transferred day off (from 4 January)
        (date(2025, 11, 1), True),  # a Saturday made a working day
        (date(2026, 11, 28), False),  # an ordinary Saturday
        (date(2026, 11, 26), True),  # an ordinary Thursday
    ],
)
def test_production_calendar(day, working):
    assert is_working_day(day) is working


def test_add_working_days_skips_the_new_year_holidays():
    # From Tuesday 30 December 2025: 31 December is a transferred day off, 1–11 January are
    # holidays, a transferred day off and a weekend; the working days are 12 and 13 January.
    assert add_working_days(date(2025, 12, 30), 2) == date(2026, 1, 13)


def test_add_working_days_counts_a_working_saturday():
    # Friday 31 October 2025 + 1 working day is Saturday 1 November (a transferred workday).
    assert add_working_days(date(2025, 10, 31), 1) == date(2025, 11, 1)


def test_working_days_between_is_the_inverse_of_add():
    start = date(2026, 4, 27)
    assert working_days_between(start, add_working_days(start, 10)) == 10
    assert working_days_between(start, start) == 0


def test_add_working_days_rejects_zero():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), 0)
