"""Factories of the reception app's models."""

import factory
from django.utils import timezone

from home.tests.factories import PublishedPageFactory
from reception.choices import AnswerChannel, AppealType, CustomerType, Status, Topic, VisitGround
from reception.models import Appeal, HomeVisitRequest, ReceptionPage, SurveyFormField, SurveyPage


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


class ReceptionPageFactory(PublishedPageFactory):
    class Meta:
        model = ReceptionPage

    title = "Виртуальная приёмная"
    slug = "reception"


RATING = "Отлично\nХорошо\nУдовлетворительно\nПлохо"
QUESTIONS = [
    ("Как вы оцениваете качество обслуживания в целом?", "radio", RATING, True),
    ("Как вы оцениваете вежливость и компетентность сотрудников?", "radio", RATING, True),
    (
        "Какими каналами обслуживания вы пользуетесь?",
        "checkboxes",
        "Центр очного обслуживания\nТелефон\nЭлектронная почта",
        False,
    ),
    ("Что нам улучшить?", "multiline", "", False),
]


class SurveyPageFactory(PublishedPageFactory):
    """The yearly survey with the questions of Appendix 1 of the standard that the summary
    counts: two ratings, the channels used (several answers) and free text."""

    class Meta:
        model = SurveyPage
        skip_postgeneration_save = True  # the questions are rows of their own, saved below

    title = "Анкета удовлетворённости клиентов"
    slug = "survey"

    @factory.post_generation
    def questions(page, create, extracted, **kwargs):
        for sort_order, (label, field_type, choices, required) in enumerate(QUESTIONS):
            SurveyFormField.objects.create(
                page=page,
                sort_order=sort_order,
                label=label,
                field_type=field_type,
                choices=choices,
                required=required,
            )
