"""When the disclosure pages change by themselves (the page cache expires them then)."""

import zoneinfo
from datetime import datetime, timedelta

import pytest
import time_machine

from disclosure.clocks import next_opening_change, next_outage_change
from disclosure.tests.factories import OutageNoticeFactory, ServiceCentreHoursFactory

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
MONDAY = datetime(2031, 3, 17, tzinfo=MOSCOW)


@pytest.mark.django_db
def test_open_now_changes_at_the_next_opening_break_or_closing_of_the_day():
    ServiceCentreHoursFactory(weekday=0)  # 8:30–17:30, break 12:30–13:15
    ServiceCentreHoursFactory(weekday=1, opens=datetime.min.time())
    for now, expected in [
        (MONDAY.replace(hour=7), MONDAY.replace(hour=8, minute=30)),
        (MONDAY.replace(hour=12, minute=30), MONDAY.replace(hour=13, minute=15)),
        (MONDAY.replace(hour=16), MONDAY.replace(hour=17, minute=30)),
        (MONDAY.replace(hour=18), None),  # tomorrow's hours: from the page cache's midnight
    ]:
        with time_machine.travel(now, tick=False):
            assert next_opening_change() == expected


@pytest.mark.django_db
def test_outages_change_at_each_start_and_end():
    starts = MONDAY.replace(hour=9)
    OutageNoticeFactory(starts_at=starts, ends_at=starts + timedelta(hours=6))
    OutageNoticeFactory(starts_at=starts + timedelta(hours=1), ends_at=None)
    OutageNoticeFactory(starts_at=starts - timedelta(hours=2), live=False)
    with time_machine.travel(MONDAY, tick=False):
        assert next_outage_change() == starts
    with time_machine.travel(starts, tick=False):
        assert next_outage_change() == starts + timedelta(hours=1)
    with time_machine.travel(starts + timedelta(hours=2), tick=False):
        assert next_outage_change() == starts + timedelta(hours=6)
    with time_machine.travel(starts + timedelta(hours=7), tick=False):
        # Without an end, a notice stays current for a day after it starts.
        assert next_outage_change() == starts + timedelta(days=1, hours=1)
    with time_machine.travel(starts + timedelta(days=2), tick=False):
        assert next_outage_change() is None
