"""The list of tariff periods in the admin: a status that tells a period awaiting approval
from one in force, and a search."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tariffs.models import TariffPeriod

from .factories import TariffPeriodFactory, TariffRegionFactory

LIST = "/admin/snippets/tariffs/tariffperiod/"


@pytest.fixture
def staff_client(db) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.ru", "pw"))
    return client


def row_of(html: str, text: str) -> str:
    start = html.index(text)
    return html[start : html.index("</tr>", start)]


@pytest.mark.django_db
def test_the_status_column_tells_moderation_from_live(staff_client, django_assert_max_num_queries):
    region = TariffRegionFactory(name="Тверская область")
    live = TariffPeriodFactory(region=region, decision_number="11-ТР")
    submitted = TariffPeriodFactory(
        region=region, decision_number="12-ТР", valid_from=date(2031, 1, 1), live=False
    )
    submitted.save_revision()
    TariffPeriod.get_default_workflow().start(submitted, get_user_model().objects.get())
    for number in range(30):  # the status costs no query per row
        TariffPeriodFactory(region=region, category="rural", valid_from=date(2000 + number, 1, 1))

    with django_assert_max_num_queries(12):
        html = staff_client.get(LIST).content.decode()
    assert "на утверждении" in row_of(html, str(submitted))
    assert "опубликовано" in row_of(html, str(live))


@pytest.mark.django_db
def test_periods_are_found_by_region_and_decision(staff_client):
    TariffPeriodFactory(region=TariffRegionFactory(name="Тверская область"), decision_number="7-ТР")
    TariffPeriodFactory(
        region=TariffRegionFactory(name="Псковская область"), decision_number="8-ТР"
    )
    html = staff_client.get(LIST, {"q": "Тверская"}).content.decode()
    assert "Тверская область ·" in html and "Псковская область ·" not in html
    html = staff_client.get(LIST, {"q": "8-ТР"}).content.decode()
    assert "Псковская область ·" in html and "Тверская область ·" not in html
