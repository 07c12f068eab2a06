"""Factories for tests, grouped by app."""

import factory
from django.utils import timezone

# --- reception -----------------------------------------------------------------------------
from reception.choices import AnswerChannel, AppealType, CustomerType, Status, Topic
from reception.models import Appeal


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
