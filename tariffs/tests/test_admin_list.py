"""Tariff periods in the admin beyond the form's own checks: a status in the list that tells a
period awaiting approval from one in force, the search, the preview of the public table and
the banding of the region."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tariffs.models import TariffPeriod

from .factories import TariffPeriodFactory, TariffRegionFactory
from .test_admin import period_post

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


@pytest.mark.django_db
def test_the_preview_shows_the_public_table_beside_the_rates_it_follows(staff_client, tariffs_page):
    region = TariffRegionFactory(name="Тверская область")
    TariffPeriodFactory(region=region, metering_option="two_zone", valid_from=date(2029, 1, 1))
    data = period_post(
        region,
        rates=[("day", "7.70"), ("night", "3.30")],
        hours=[("day", "07:00", "23:00"), ("night", "23:00", "07:00")],
    )
    url = "/admin/snippets/tariffs/tariffperiod/preview/"
    assert staff_client.post(url, data).json()["is_valid"]
    html = staff_client.get(url).content.decode()
    assert "Тверская область" in html and "7,70" in html and "+10,0 %" in html  # 7.00 → 7.70


@pytest.mark.django_db
@pytest.mark.parametrize("region_banded", [True, False])
def test_a_new_period_follows_the_banding_of_its_region(staff_client, region_banded):
    region = TariffRegionFactory(name="Тверская область")
    published = TariffPeriodFactory(region=region, valid_from=date(2029, 1, 1))
    if region_banded:
        published.rates.update(band_up_to=150)
    data = period_post(region, rates=[("all_day", "6.50")], metering_option="single")
    data["rates-0-band_up_to"] = "" if region_banded else "150"
    response = staff_client.post("/admin/snippets/tariffs/tariffperiod/add/", data)
    assert response.status_code == 200  # refused, the form shown again
    expected = "делятся на диапазоны" if region_banded else "нет диапазонов потребления"
    assert expected in response.content.decode()
    assert TariffPeriod.objects.count() == 1
