"""Factories for the tests, one section per app."""

import datetime as dt
import json
from datetime import date, time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from wagtail.models import Page

from disclosure.models import (
    GridCompany,
    OutageNotice,
    PaymentPoint,
    ServiceCentre,
    ServiceCentreHours,
)
from reception.choices import AnswerChannel, AppealType, CustomerType, Status, Topic, VisitGround
from reception.models import Appeal, HomeVisitRequest
from tariffs import zones
from tariffs.models import (
    PriceComponent,
    TariffPeriod,
    TariffRate,
    TariffRegion,
    TariffsPage,
    ZoneHours,
)

# --- tariffs ------------------------------------------------------------------------------


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


class TariffsPageFactory(factory.django.DjangoModelFactory):
    """A published tariffs page under `parent` (a SectionPage)."""

    class Meta:
        model = TariffsPage

    title = "Тарифы"
    slug = factory.Sequence(lambda n: f"tariffs-{n}")
    lead = "Размер и порядок расчёта цены."

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


# --- readings ---------------------------------------------------------------------------------


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "readings.Account"

    number = factory.Sequence(lambda n: f"{2000000000 + n}")


class MeterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "readings.Meter"

    account = factory.SubFactory(AccountFactory)
    number = factory.Sequence(lambda n: f"{90000000 + n}")
    zones = 1
    decimals = 0
    last_t1 = Decimal("1000")
    last_reading_date = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=30))


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "readings.Submission"

    meter = factory.SubFactory(MeterFactory)
    period = dt.date(2026, 11, 1)
    reading_t1 = Decimal("1100")
    confirmation_number = factory.Sequence(lambda n: f"ПУ-2026-{900000 + n:06d}")
    consent_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC))
    consent_policy_version = "test"


# --- disclosure -----------------------------------------------------------------------------


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


# --- reception -------------------------------------------------------------------------------


class AppealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appeal

    number = factory.Sequence(lambda n: f"ВП-2026-{900000 + n:06d}")
    received_at = factory.LazyFunction(timezone.now)
    topic = Topic.GENERAL
    appeal_type = AppealType.COMPLAINT
    customer_type = CustomerType.HOUSEHOLD
    name = factory.Sequence(lambda n: f"Иванов Иван {n}")
    email = factory.Sequence(lambda n: f"client{n}@example.ru")
    phone = "+7 912 345-67-89"
    message = "Прошу проверить начисления."
    answer_channel = AnswerChannel.EMAIL
    consent_at = factory.LazyFunction(timezone.now)
    consent_policy_version = "page 1 rev 1"
    status = Status.NEW
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=15))
    original_due_date = factory.SelfAttribute("due_date")


class HomeVisitRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HomeVisitRequest

    number = factory.Sequence(lambda n: f"ВО-2026-{900000 + n:06d}")
    received_at = factory.LazyFunction(timezone.now)
    name = factory.Sequence(lambda n: f"Сидоров Пётр {n}")
    phone = "+7 912 000-11-22"
    postal_address = "Москва, ул. Лесная, 5, кв. 7"
    account_number = factory.Sequence(lambda n: f"555{n:04d}")
    ground = VisitGround.AGE
    lives_alone = True
    consent_at = factory.LazyFunction(timezone.now)
    consent_policy_version = "page 1 rev 1"
    visit_due_date = factory.LazyFunction(
        lambda: timezone.localdate() + timezone.timedelta(days=42)
    )


# --- faq ------------------------------------------------------------------------------------


def faq_categories(count: int, link_page: Page | None = None, per_category: int = 10) -> str:
    """StreamField JSON of `count` questions in categories of `per_category`; every answer
    links to `link_page` (a Wagtail page link, to exercise link expansion)."""
    link = f'<a linktype="page" id="{link_page.id}">подробнее</a>' if link_page else "подробнее"
    categories = []
    for start in range(0, count, per_category):
        questions = [
            {
                "question": f"Вопрос номер {n}?",
                "anchor": f"q{n}",
                "answer": f"<p>Ответ {n}: {link}.</p>",
            }
            for n in range(start, min(count, start + per_category))
        ]
        categories.append(
            {
                "type": "category",
                "value": {
                    "title": f"Раздел {start}",
                    "anchor": f"c{start}",
                    "questions": questions,
                },
            }
        )
    return json.dumps(categories, ensure_ascii=False)


# --- search ---------------------------------------------------------------------------------


def make_standard_page(parent: Page, slug: str, title: str, lead: str = "", **fields) -> Page:
    """A published StandardPage (indexed by the site search on publish)."""
    from home.models import StandardPage

    page = StandardPage(title=title, slug=slug, lead=lead, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
