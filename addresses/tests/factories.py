"""Factories of the address directory."""

from decimal import Decimal

import factory

from addresses.models import HouseRange, Locality, Street
from disclosure.tests.factories import GridCompanyFactory
from tariffs.tests.factories import TariffRegionFactory


class LocalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locality
        django_get_or_create = ("name",)

    name = "Подольск"


class StreetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Street

    locality = factory.SubFactory(LocalityFactory)
    name = "улица Ленина"


class HouseRangeFactory(factory.django.DjangoModelFactory):
    """Houses 1 to 25 on the map near Podolsk's centre."""

    class Meta:
        model = HouseRange

    street = factory.SubFactory(StreetFactory)
    house_from = 1
    house_to = 25
    tariff_region = factory.SubFactory(TariffRegionFactory, slug="moscow-oblast")
    grid_company = factory.SubFactory(GridCompanyFactory)
    latitude = Decimal("55.431100")
    longitude = Decimal("37.544400")
