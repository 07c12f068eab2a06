"""Appeals that came by phone, post or in person, registered by a clerk: a number and a due date
like a web appeal, counted from the day received, in the same registry."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from reception.choices import Action, ReceivedVia, Topic
from reception.models import Appeal, HomeVisitRequest
from reception.services import due_date, home_visit_due
from reception.staff import STAFF_GROUP

pytestmark = pytest.mark.django_db

ADD = "/admin/reception_appeals/new/"


@pytest.fixture
def clerk_client() -> Client:
    user = User.objects.create_user("clerk", password="x", first_name="Ольга", last_name="Смирнова")
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(user)
    return client


def phone_call(**fields) -> dict:
    return {
        "received_via": ReceivedVia.PHONE,
        "received_at": "2026-11-02 10:30",
        "topic": Topic.DEBT,
        "appeal_type": "complaint",
        "customer_type": "household",
        "name": "Петров Пётр Петрович",
        "phone": "+7 912 345-67-89",
        "email": "",
        "postal_address": "",
        "account_number": "1234567",
        "message": "Звонил: не согласен с суммой долга за октябрь.",
        "answer_channel": "phone",
        **fields,
    }


def test_an_appeal_by_phone_gets_its_number_and_deadline(clerk_client):
    response = clerk_client.post(ADD, phone_call())
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/edit/{appeal.pk}/")
    assert appeal.number.startswith("ВП-2026-")
    received = timezone.make_aware(datetime(2026, 11, 2, 10, 30))
    assert appeal.received_at == received and appeal.received_via == ReceivedVia.PHONE
    assert appeal.due_date == due_date(Topic.DEBT, received, "household", phone_left=True)
    (event,) = appeal.events.all()
    assert (event.action, event.user.username, event.details) == (
        Action.REGISTERED,
        "clerk",
        "По телефону",
    )
    registry = clerk_client.get("/admin/reception_appeals/").content.decode()
    assert appeal.number in registry  # the same registry as the web appeals
    detail = clerk_client.get(f"/admin/reception_appeals/edit/{appeal.pk}/").content.decode()
    assert "обращение принято сотрудником" in detail


def test_the_form_keeps_what_was_typed_and_refuses_a_future_date(clerk_client):
    tomorrow = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = clerk_client.post(ADD, phone_call(received_at=tomorrow, received_via="site"))
    html = response.content.decode()
    assert response.status_code == 200 and not Appeal.objects.exists()
    assert "Дата поступления не может быть в будущем." in html
    assert "не согласен с суммой долга" in html  # kept


def test_only_appeals_staff_register_appeals(client):
    editor = User.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Редакторы тарифов"))
    client.force_login(editor)
    client.post(ADD, phone_call())
    assert not Appeal.objects.exists()


def visit_call(**fields) -> dict:
    return {
        "received_via": ReceivedVia.IN_PERSON,
        "received_at": "2026-11-02 10:30",
        "name": "Сидорова Анна Ивановна",
        "phone": "+7 912 000-11-22",
        "postal_address": "Москва, ул. Лесная, 5, кв. 7",
        "account_number": "7654321",
        "ground": "age",
        "lives_alone": "on",
        "message": "",
        **fields,
    }


def test_a_home_visit_request_in_person_gets_its_number_and_visit_date(clerk_client):
    response = clerk_client.post("/admin/reception_visits/new/", visit_call())
    visit = HomeVisitRequest.objects.get()
    assert response.status_code == 302
    received = timezone.make_aware(datetime(2026, 11, 2, 10, 30))
    assert visit.number.startswith("ВО-2026-") and visit.received_via == ReceivedVia.IN_PERSON
    assert visit.visit_due_date == home_visit_due(received)
    assert visit.number in clerk_client.get("/admin/reception_visits/").content.decode()
    again = clerk_client.post("/admin/reception_visits/new/", visit_call())
    assert again.status_code == 200 and "в течение года" in again.content.decode()
