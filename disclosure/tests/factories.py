"""Factories of the disclosure app's records."""

from datetime import time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from disclosure.models import (
    GridCompany,
    OutageNotice,
    PaymentPoint,
    ServiceCentre,
    ServiceCentreHours,
)


class ServiceCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceCentre

    name = factory.Sequence(lambda n: f"ЦОК № {n}")
    locality = "Москва"
    address = factory.Sequence(lambda n: f"ул. Тестовая, д. {n}")
    latitude = Decimal("55.75")
    longitude = Decimal("37.61")
    phones = "+7 495 000-00-00"
    live = True


class ServiceCentreHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceCentreHours

    centre = factory.SubFactory(ServiceCentreFactory)
    weekday = 0
    opens = time(8, 30)
    closes = time(17, 30)
    break_starts = time(12, 30)
    break_ends = time(13, 15)


class PaymentPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PaymentPoint

    name = factory.Sequence(lambda n: f"Пункт оплаты {n}")
    kind = PaymentPoint.BANK
    locality = "Москва"
    address = factory.Sequence(lambda n: f"ул. Платёжная, д. {n}")
    commission = Decimal("1.00")
    latitude = Decimal("55.70")
    longitude = Decimal("37.50")
    live = True


class GridCompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GridCompany

    name = factory.Sequence(lambda n: f"Сетевая компания {n}")
    area_served = "Москва"
    dispatcher_phone = "8 800 000-00-00"
    live = True


class OutageNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutageNotice

    organisation = "ПАО «Россети Московский регион»"
    work_type = "Ремонт линии"
    reason = "Плановый ремонт"
    localities = factory.Sequence(lambda n: f"Посёлок {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=45))
    ends_at = factory.LazyAttribute(lambda notice: notice.starts_at + timedelta(hours=6))
    audience = OutageNotice.ALL
    responsible_position = "Мастер участка"
    responsible_name = "Иванов Иван Иванович"
    contact_phone = "8 800 000-00-00"
    first_published_at = factory.LazyFunction(timezone.now)
    live = True
