"""The registry's list as staff read it: sortable by the dates that matter, one name for a
person in the list, the detail and the export, and the consent in words."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from core.consent import describe
from reception.actions import files_label
from reception.staff import STAFF_GROUP

from .factories import AppealFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/reception_appeals/"


@pytest.fixture
def clerk() -> User:
    user = User.objects.create_user(
        "osmirnova", password="x", first_name="Ольга", last_name="Смирнова"
    )
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    return user


def numbers_in(html: str, numbers: list[str]) -> list[str]:
    return sorted(numbers, key=html.index)


def test_the_registry_sorts_by_due_and_received_dates(clerk):
    today = timezone.localdate()
    late = AppealFactory(due_date=today + timedelta(days=20), number="ВП-2026-000003")
    soon = AppealFactory(due_date=today + timedelta(days=2), number="ВП-2026-000002")
    first = AppealFactory(
        due_date=today + timedelta(days=9),
        received_at=timezone.now() - timedelta(days=5),
        number="ВП-2026-000001",
    )
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(clerk)
    numbers = [late.number, soon.number, first.number]
    by_due = client.get(INDEX, {"ordering": "due_date"}).content.decode()
    assert numbers_in(by_due, numbers) == [soon.number, first.number, late.number]
    by_received = client.get(INDEX, {"ordering": "received_at"}).content.decode()
    assert numbers_in(by_received, numbers)[0] == first.number
    assert "ordering=-due_date" in by_due  # the header sorts back the other way


def test_the_executor_has_one_name_in_the_list_the_detail_and_the_export(clerk):
    appeal = AppealFactory(executor=clerk)
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(clerk)
    listing = client.get(INDEX).content.decode()
    detail = client.get(f"{INDEX}edit/{appeal.pk}/").content.decode()
    export = client.get(INDEX, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert "Ольга Смирнова" in listing and "Ольга Смирнова" in detail
    assert "Ольга Смирнова" in rows[1]
    assert ">osmirnova<" not in listing and "osmirnova" not in rows[1]


def test_consent_and_file_counts_read_in_russian():
    assert describe("page 33 rev 46 2026-11-27T09:05") == (
        "редакция политики от 27.11.2026 12:05, версия 46"
    )
    assert describe("unpublished") == "unpublished"
    assert [files_label(n) for n in (1, 3, 5, 21)] == ["1 файл", "3 файла", "5 файлов", "21 файл"]
