"""The demo's registry of meters: the meters the README tells testers to submit readings for."""

from decimal import Decimal

import pytest

from readings.models import Meter


@pytest.mark.django_db
def test_the_demo_registry_has_the_two_zone_meter():
    meter = Meter.objects.select_related("account").get(number="12345678")
    assert meter.account.number == "1000000001"
    assert meter.zones == 2
    assert meter.last_readings == (Decimal(10000), Decimal(5000))
    assert Meter.objects.filter(zones=3).exists()
    assert Meter.objects.filter(decimals__gt=0).exists()
