"""The tariffs page at /clients/tariffs/ (and /en/clients/tariffs/), and Moscow's prices as
an editor would enter them: last year's in the archive, this year's in force for every
metering option, and a change announced for the first of the month after next."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from home.tests.factories import translate
from tariffs import zones
from tariffs.models import TariffRegion, TariffsPage
from tariffs.models.records import PriceComponentKind

from .factories import (
    PriceComponentFactory,
    TariffPeriodFactory,
    TariffRegionFactory,
    TariffsPageFactory,
)

MOSCOW_REGULATOR = "Департамент экономической политики и развития города Москвы"


@pytest.fixture
def tariffs_page(clients_section) -> TariffsPage:
    return TariffsPageFactory(parent=clients_section, slug="tariffs")


@pytest.fixture
def english_tariffs_page(tariffs_page) -> TariffsPage:
    return translate(tariffs_page, title="Tariffs")


def first_of_month_after_next(today: date) -> date:
    month = today.month + 2
    return date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


@pytest.fixture
def moscow(db) -> TariffRegion:
    """Households in towns with gas stoves in Moscow: 9.23 ₽/kWh single-rate in force since
    1 January, 10.33 (+11.9 %) announced, 8.31 last year."""
    region = TariffRegionFactory(slug="moscow", name="Москва", name_en="Moscow", sort_order=0)
    today = timezone.localdate()
    document = get_document_model()(title="Решение № 245-ТР")
    document.file.save("tariff-decision-245.txt", ContentFile(b"245"), save=False)
    document.save()
    common = {"region": region, "category": "urban_gas", "regulator": MOSCOW_REGULATOR}
    TariffPeriodFactory(
        **common,
        valid_from=date(today.year - 1, 1, 1),
        valid_to=date(today.year - 1, 12, 31),
        prices={zones.ALL_DAY: Decimal("8.31")},
    )
    current = TariffPeriodFactory(
        **common,
        valid_from=date(today.year, 1, 1),
        prices={zones.ALL_DAY: Decimal("9.23")},
        document=document,
    )
    PriceComponentFactory(period=current, kind=PriceComponentKind.SALES, amount=Decimal("0.55"))
    for option in (zones.TWO_ZONE, zones.THREE_ZONE):
        TariffPeriodFactory(**common, metering_option=option, valid_from=date(today.year, 1, 1))
    TariffPeriodFactory(
        **common,
        valid_from=first_of_month_after_next(today),
        prices={zones.ALL_DAY: Decimal("10.33")},
    )
    return region
