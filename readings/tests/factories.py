"""Factories of the readings app's models."""

import datetime as dt
import json
from decimal import Decimal

import factory

from home.tests.factories import PublishedPageFactory
from readings.models import MeterReadingsPage


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


class MeterReadingsPageFactory(PublishedPageFactory):
    """The readings page; its body carries the procedure that the standard asks for (§6.2
    item 6: the consequences of a broken or missing meter)."""

    class Meta:
        model = MeterReadingsPage

    title = "Передача показаний"
    slug = "meter-readings"
    body = factory.LazyFunction(
        lambda: json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": "<p>Если счётчик неисправен или отсутствует, объём считается "
                    "по нормативу.</p>",
                }
            ]
        )
    )
