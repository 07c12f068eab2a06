"""What reaches the customer (§9.2, §10.2, §11, §13): e-mail at once, a printable letter or a
call task for post and phone, marked done by a person; the customer's channel unless a reason
is recorded; the one extension only before the term ends and after the interim reply was
sent; the status page and the answer e-mail."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from django.utils import timezone

from reception import actions
from reception.choices import AnswerChannel, Status
from reception.models import Delivery
from reception.staff import STAFF_GROUP

from .factories import AppealFactory

pytestmark = pytest.mark.django_db

LETTERS = "/admin/reception/letters/"


@pytest.fixture
def clerk():
    user = User.objects.create_user("clerk", password="x", first_name="Ольга", last_name="Смирнова")
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    return user


def login(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(user)
    return client


def answer(appeal, user, channel="", reason=""):
    return actions.record_answer(
        appeal,
        user,
        "Перерасчёт выполнен.",
        "Смирнова Ольга Петровна",
        "+7 495 000-00-00",
        channel,
        reason,
    )


def told(appeal) -> list[str]:
    return list(appeal.events.filter(action="customer_told").values_list("details", flat=True))


def test_post_answer_is_a_letter_that_a_person_marks_posted(clerk):
    appeal = AppealFactory(answer_channel=AnswerChannel.POST, postal_address="Москва, Лесная, 5")
    answer(appeal, clerk)
    task = Delivery.objects.get()
    assert task.channel == AnswerChannel.POST and task.done_at is None
    assert told(appeal) == [] and mail.outbox == []  # nothing was sent yet: nothing is logged

    client = login(clerk)
    listing = client.get(LETTERS).content.decode()
    assert appeal.number in listing and f"{task.pk}/letter.pdf" in listing
    pdf = client.get(f"{LETTERS}{task.pk}/letter.pdf")
    assert pdf.content.startswith(b"%PDF") and "no-store" in pdf["Cache-Control"]

    client.post(f"{LETTERS}{task.pk}/done/", {"note": "РПО 12345678901234"})
    task.refresh_from_db()
    assert task.done_by == clerk and task.done_at
    assert told(appeal) == ["Почта: Ответ. РПО 12345678901234"]
    assert appeal.number not in client.get(LETTERS).content.decode()
    client.post(f"{LETTERS}{task.pk}/done/")  # twice is refused, not logged again
    assert len(told(appeal)) == 1


def test_phone_interim_reply_is_a_call_and_extension_waits_for_it(clerk):
    appeal = AppealFactory(answer_channel=AnswerChannel.PHONE)
    actions.interim_reply(appeal, clerk, "Запросили данные у сетевой организации.")
    with pytest.raises(actions.ActionRefused, match="промежуточного ответа"):
        actions.extend(appeal, clerk, 10)
    call = Delivery.objects.get()
    actions.mark_done(call, clerk, "Ответила клиентка")
    appeal = actions.extend(appeal, clerk, 10)
    assert appeal.status == Status.EXTENDED
    assert appeal.due_date == appeal.original_due_date + timedelta(days=10)


def test_no_extension_once_the_term_has_ended(clerk):
    appeal = AppealFactory(due_date=timezone.localdate() - timedelta(days=1))
    actions.interim_reply(appeal, clerk, "Нужна проверка прибора учёта.")  # e-mail: sent
    with pytest.raises(actions.ActionRefused, match="продлить"):
        actions.extend(appeal, clerk, 5)
    appeal.refresh_from_db()
    assert not appeal.extended


def test_another_channel_only_with_a_recorded_reason(clerk, django_capture_on_commit_callbacks):
    appeal = AppealFactory(answer_channel=AnswerChannel.POST, postal_address="Москва, Лесная, 5")
    with pytest.raises(actions.ActionRefused, match="раздел 11"):
        answer(appeal, clerk, channel=AnswerChannel.EMAIL)
    appeal.refresh_from_db()
    assert appeal.status == Status.NEW  # refused as a whole
    with django_capture_on_commit_callbacks(execute=True):
        answer(appeal, clerk, AnswerChannel.EMAIL, "Письмо вернулось: адресат не найден.")
    delivery = Delivery.objects.get()
    assert delivery.other_channel_reason == "Письмо вернулось: адресат не найден."
    assert mail.outbox and told(appeal) == ["Электронная почта: Ответ"]


def test_section_9_2_notice_by_post_tells_the_customer_only_when_posted(clerk):
    appeal = AppealFactory(answer_channel=AnswerChannel.POST, postal_address="Москва, Лесная, 5")
    actions.not_considered(appeal, clerk, "repeated", "Ответ дан 01.03.2026 № ВП-2026-000012.")
    appeal.refresh_from_db()
    assert appeal.status == Status.NOT_CONSIDERED and appeal.customer_told_at is None
    actions.mark_done(Delivery.objects.get(), clerk)
    appeal.refresh_from_db()
    assert appeal.customer_told_at is not None


def test_answer_email_links_the_survey(clerk, survey_page, django_capture_on_commit_callbacks):
    appeal = AppealFactory(email="anna@example.ru")
    with django_capture_on_commit_callbacks(execute=True):
        answer(appeal, clerk)
    body = mail.outbox[-1].body
    assert "Перерасчёт выполнен." in body and "Смирнова Ольга Петровна" in body
    assert survey_page.full_url in body


@pytest.mark.usefixtures("reception_page")
def test_status_page_shows_the_interim_reply_and_the_extension(clerk, ru_client, survey_page):
    appeal = AppealFactory(email="anna@example.ru")
    actions.interim_reply(appeal, clerk, "Запросили данные у сетевой организации.")
    actions.extend(appeal, clerk, 10)
    appeal.refresh_from_db()
    response = ru_client.post(
        "/reception/status/", {"number": appeal.number, "contact": "anna@example.ru"}
    )
    html = response.content.decode()
    assert "Промежуточный ответ" in html
    assert f"продлён с {appeal.original_due_date:%d.%m.%Y}" in html
    assert "Запросили данные" not in html  # the status, not the letter
    answer(appeal, clerk)
    html = ru_client.post(
        "/reception/status/", {"number": appeal.number, "contact": "anna@example.ru"}
    ).content.decode()
    assert survey_page.url in html
