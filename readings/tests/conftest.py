"""The readings page at /clients/meter-readings/ (and in English), and the registry of meters
that the tests submit readings for."""

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest

from home.tests.factories import translate
from readings.models import Meter, MeterReadingsPage

from .factories import MeterFactory, MeterReadingsPageFactory

BEFORE_CUTOFF = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def readings_page(clients_section, privacy_page) -> MeterReadingsPage:
    return MeterReadingsPageFactory(parent=clients_section)


@pytest.fixture
def english_readings_page(readings_page, privacy_page) -> MeterReadingsPage:
    translate(privacy_page, title="Personal data policy")
    body = readings_page.body.raw_data
    body[0]["value"] = "<p>If the meter is broken or missing, the standard volume applies.</p>"
    return translate(readings_page, title="Meter readings", body=body)


@pytest.fixture
def registry(db) -> Meter:
    """A two-zone meter (account 1000000001, meter 12345678, last read at 10000 and 5000) and
    a single-rate one read to a tenth of a kWh (55500012); the two-zone one is returned."""
    MeterFactory(
        account__number="1000000003",
        number="55500012",
        decimals=1,
        last_t1=Decimal("812.5"),
        last_reading_date=dt.date(2026, 10, 23),
    )
    return MeterFactory(
        account__number="1000000001",
        number="12345678",
        zones=2,
        last_t1=Decimal(10000),
        last_t2=Decimal(5000),
        last_reading_date=dt.date(2026, 10, 25),
    )


@pytest.fixture
def at_before_cutoff():
    """Before the cut-off of November 2026 (Moscow time), so the period is November."""
    with mock.patch("django.utils.timezone.now", return_value=BEFORE_CUTOFF):
        yield
