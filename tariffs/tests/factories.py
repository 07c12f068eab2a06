"""Factories of the tariffs app's models."""

from datetime import date, time
from decimal import Decimal

import factory

from home.tests.factories import PublishedPageFactory
from tariffs import zones
from tariffs.models import (
    PriceComponent,
    TariffPeriod,
    TariffRate,
    TariffRegion,
    TariffsPage,
    ZoneHours,
)


class TariffRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TariffRegion
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Регион {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    sort_order = 50


class TariffPeriodFactory(factory.django.DjangoModelFactory):
    """A published period; `prices` maps zone → price (defaults by the option)."""

    class Meta:
        model = TariffPeriod
        skip_postgeneration_save = True

    region = factory.SubFactory(TariffRegionFactory)
    category = "urban_gas"
    metering_option = zones.SINGLE
    valid_from = date(2026, 1, 1)
    valid_to = None
    regulator = "Региональная служба по тарифам"
    decision_number = factory.Sequence(lambda n: f"{n}-ТР")
    decision_date = date(2025, 12, 1)
    live = True

    @factory.post_generation
    def prices(obj, create, extracted, **kwargs):
        if not create:
            return
        prices = (
            extracted
            or {
                zones.SINGLE: {zones.ALL_DAY: Decimal("6.00")},
                zones.TWO_ZONE: {zones.DAY: Decimal("7.00"), zones.NIGHT: Decimal("3.00")},
                zones.THREE_ZONE: {
                    zones.PEAK: Decimal("8.00"),
                    zones.SEMI_PEAK: Decimal("6.00"),
                    zones.NIGHT: Decimal("3.00"),
                },
            }[obj.metering_option]
        )
        for zone, price in prices.items():
            TariffRate.objects.create(period=obj, zone=zone, price=price)
        hours = {
            zones.TWO_ZONE: [(zones.DAY, 7, 23), (zones.NIGHT, 23, 7)],
            zones.THREE_ZONE: [
                (zones.PEAK, 7, 10),
                (zones.PEAK, 17, 21),
                (zones.SEMI_PEAK, 10, 17),
                (zones.SEMI_PEAK, 21, 23),
                (zones.NIGHT, 23, 7),
            ],
        }.get(obj.metering_option, [])
        for zone, start, end in hours:
            ZoneHours.objects.create(period=obj, zone=zone, start=time(start), end=time(end))


class PriceComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriceComponent

    period = factory.SubFactory(TariffPeriodFactory)
    kind = "energy"
    amount = Decimal("3.00")


class TariffsPageFactory(PublishedPageFactory):
    """A published tariffs page under `parent` (a SectionPage)."""

    class Meta:
        model = TariffsPage

    title = "Тарифы"
    slug = factory.Sequence(lambda n: f"tariffs-{n}")
    lead = "Размер и порядок расчёта цены."
