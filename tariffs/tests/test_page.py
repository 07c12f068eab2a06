"""The tariffs page, its downloads and API, the admin checks and the moderation workflow."""

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import SectionPage
from home.tests.factories import SectionPageFactory, make_home_page
from tariffs import zones
from tariffs.models import TariffRate, TariffsPage

from .conftest import first_of_month_after_next
from .factories import (
    PriceComponentFactory,
    TariffPeriodFactory,
    TariffRegionFactory,
    TariffsPageFactory,
)

URL = "/clients/tariffs/"


def at_moscow(year, month, day, hour, minute):
    """timezone.now() at the given Moscow wall-clock time (UTC+3)."""
    moscow = timezone.get_current_timezone()
    return datetime(year, month, day, hour, minute, tzinfo=moscow).astimezone(UTC)


@pytest.fixture
def region(tariffs_page):
    return TariffRegionFactory(slug="test-region", name="Тестовый край", sort_order=0)


# --- the public page --------------------------------------------------------------------------


def test_page_shows_rates_in_force_the_change_and_the_archive(ru_client, tariffs_page, moscow):
    html = ru_client.get(URL).content.decode()
    today = timezone.localdate()
    assert f"Тарифы, действующие на {today:%d.%m.%Y}" in html
    assert "Объявленные изменения" in html
    assert "Архив" in html
    # Moscow, households with gas stoves, single rate: 9,23 ₽ from 1 January this year.
    assert "9,23" in html
    announced = first_of_month_after_next(today)
    assert f"С {announced.day} " in html and f"{announced.year} г.:" in html
    assert "+11,9 %" in html  # the change in percent
    assert "Департамент экономической политики" in html  # the legal basis
    assert "сбытовая надбавка" in html  # how the price is made up
    assert "disclosure_items" not in html
    assert TariffsPage.disclosure_items == ("6.2-8", "10.1-tariffs")


def test_region_and_category_are_chosen_by_get_parameters(ru_client, tariffs_page, moscow):
    oblast = TariffRegionFactory(slug="moscow-oblast", name="Московская область", sort_order=1)
    period = TariffPeriodFactory(region=oblast, category="rural")
    period.rates.update(band_up_to=Decimal(3900))
    TariffRate.objects.create(period=period, zone=zones.ALL_DAY, price=Decimal("8.40"))
    html = ru_client.get(URL, {"region": "moscow-oblast", "category": "rural"}).content.decode()
    assert '<option value="moscow-oblast" selected>' in html
    assert '<option value="rural" selected>' in html
    assert "до 3900 кВт·ч" in html  # the region's consumption bands


@pytest.mark.django_db
def test_page_switches_at_moscow_midnight_on_the_day_of_the_change(ru_client, region):
    TariffPeriodFactory(
        region=region, valid_from=date(2027, 1, 1), prices={"all_day": Decimal("5.11")}
    )
    TariffPeriodFactory(
        region=region, valid_from=date(2027, 7, 1), prices={"all_day": Decimal("5.77")}
    )
    params = {"region": region.slug, "total": "100"}

    def current_section(when):
        with mock.patch("django.utils.timezone.now", return_value=when):
            html = ru_client.get(URL, params).content.decode()
        return html[html.index('id="tariffs-current"') : html.index('id="tariff-calculator-title"')]

    eve = current_section(at_moscow(2027, 6, 30, 23, 59))
    assert "30.06.2027" in eve and "5,11" in eve and "С 1 июля 2027 г." in eve
    day = current_section(at_moscow(2027, 7, 1, 0, 0))
    assert "01.07.2027" in day and "5,77" in day and "Объявленные изменения" not in day
    with mock.patch("django.utils.timezone.now", return_value=at_moscow(2027, 7, 1, 0, 0)):
        archive = ru_client.get(URL, params).content.decode().split('id="tariffs-archive"')[1]
    assert "01.01.2027 – 30.06.2027" in archive


def test_calculator_without_javascript_marks_the_cheapest(ru_client, tariffs_page, moscow):
    html = ru_client.get(URL, {"region": "moscow", "category": "urban_gas", "total": "300"})
    html = html.content.decode()
    # 300 kWh × 9,23 = 2769,00 ₽ single-rate; the night-priced options are cheaper.
    assert "2769,00" in html
    assert html.count("tariff-bills__cheapest") == 1
    assert 'data-result-url="/clients/tariffs/calculator/"' in html
    assert "js/tariffs.js" in html


def test_calculator_fragment_for_the_script_and_comma_decimals(ru_client, tariffs_page, moscow):
    response = ru_client.get(
        URL + "calculator/", {"region": "moscow", "category": "urban_gas", "total": "0,5"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "4,62" in html  # 0.5 × 9.23 = 4.615 → 4.62, half up


def test_calculator_rejects_negative_numbers(ru_client, tariffs_page, moscow):
    html = ru_client.get(URL, {"total": "-5"}).content.decode()
    assert 'id="id_total-error"' in html
    assert re.search(r'<input[^>]*aria-describedby="id_total-error"[^>]*aria-invalid="true"', html)
    assert "tariff-bills" not in html


def test_english_page_uses_english_labels(ru_client, english_tariffs_page, moscow):
    html = ru_client.get("/en" + URL).content.decode()
    assert "Tariffs in force on" in html
    assert "Moscow" in html and "Москва" not in html
    assert "households in towns, with gas stoves" in html.lower()


def count_queries(client, url, params=None) -> int:
    client.get(url, params)  # warm the per-process caches (site root paths, settings)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_tariffs_page_runs_a_bounded_number_of_queries(ru_client, tariffs_page, region):
    params = {"region": region.slug, "category": "rural", "total": "200"}

    def queries(extra_periods):
        for n in range(extra_periods):
            TariffPeriodFactory(
                region=region,
                category="rural",
                metering_option=zones.OPTIONS[n % 3],
                valid_from=date(1900 + n, 1, 1),
                valid_to=date(1900 + n, 12, 31),
            )
        return count_queries(ru_client, URL, params)

    few = queries(20)
    many = queries(180)
    assert few == many
    # The tariffs add five queries (regions, periods, rates, zone hours, price make-up) to
    # what any page at this depth costs in the shared layout.
    SectionPageFactory(parent=tariffs_page.get_parent(), title="Договоры", slug="contracts")
    assert few <= count_queries(ru_client, "/clients/contracts/") + 5


# --- downloads and API -------------------------------------------------------------------------


def test_csv_download_lists_current_and_scheduled_rates(ru_client, tariffs_page, moscow):
    response = ru_client.get(URL + "csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="tariffs.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["status"] for row in rows} == {"current", "scheduled"}
    assert {row["region"] for row in rows} == {"moscow"}
    row = next(
        r
        for r in rows
        if r["region"] == "moscow"
        and r["category"] == "urban_gas"
        and r["metering_option"] == "single"
        and r["status"] == "current"
    )
    assert row["price_rub_per_kwh_incl_vat"] == "9.23"
    assert row["document_url"].startswith("http://testserver/documents/")
    # in force: 1 + 2 + 3 zones of the three metering options; announced: the single rate
    assert len(rows) == 6 + 1


def test_json_download_matches_the_api(ru_client, tariffs_page, moscow):
    data = json.loads(ru_client.get(URL + "json/").content)
    assert data["date"] == timezone.localdate().isoformat()
    page = TariffsPage.objects.get(locale__language_code="ru")
    api = ru_client.get(f"/api/v2/pages/{page.id}/").json()
    assert len(api["tariffs"]) == len(data["tariffs"])
    assert {t["status"] for t in api["tariffs"]} == {"current", "scheduled"}


@pytest.mark.django_db
def test_drafts_are_not_public(ru_client, region):
    TariffPeriodFactory(region=region, live=False, prices={"all_day": Decimal("4.44")})
    html = ru_client.get(URL, {"region": region.slug}).content.decode()
    assert "4,44" not in html
    assert "4.44" not in ru_client.get(URL + "csv/").content.decode()


# --- the page type -----------------------------------------------------------------------------


class TestTariffsPageType(WagtailPageTestCase):
    def test_lives_under_a_section_and_has_no_children(self):
        self.assertAllowedParentPageTypes(TariffsPage, {SectionPage})
        self.assertAllowedSubpageTypes(TariffsPage, {})

    def test_one_per_section(self):
        clients = SectionPageFactory(parent=make_home_page())
        self.assertTrue(TariffsPage.can_create_at(clients))
        TariffsPageFactory(parent=clients, slug="tariffs")
        self.assertFalse(TariffsPage.can_create_at(clients))


class TestTariffsPageRendering(WagtailPageTestCase):
    def test_renders_and_previews(self):
        page = TariffsPageFactory(parent=SectionPageFactory(parent=make_home_page()))
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(page, route_path="/calculator/", query_data={"total": "100"})
        self.assertPageIsRenderable(page, route_path="/csv/")
        post_data = nested_form_data(
            {"title": page.title, "slug": page.slug, "lead": page.lead, "body": streamfield([])}
        )
        self.assertPageIsPreviewable(page, post_data=post_data)


@pytest.mark.django_db
def test_a_second_tariffs_page_in_another_section_shows_price_make_up(ru_client, region):
    section = SectionPageFactory(parent=Page.objects.get(url_path="/home/"), slug="business")
    page = TariffsPageFactory(parent=section, slug="tariffs")
    period = TariffPeriodFactory(region=region, valid_from=date(2020, 1, 1))
    PriceComponentFactory(period=period, kind="transmission", amount=Decimal("2.50"))
    html = ru_client.get(page.url, {"region": region.slug}).content.decode()
    assert "услуги по передаче — 2,50" in html
