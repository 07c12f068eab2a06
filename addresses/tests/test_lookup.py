"""The address page: a typed address → the tariffs, grid company, offices, payment points and
the notices that cover that house (and not its neighbour outside the range)."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from addresses.lookup import answer, parse
from disclosure.models import MeterVisitCoverage, MeterVisitNotice, OutageCoverage
from disclosure.tests.factories import (
    OutageNoticeFactory,
    PaymentPointFactory,
    ServiceCentreFactory,
    ServiceCentreHoursFactory,
)
from tariffs.tests.factories import TariffPeriodFactory

from .factories import HouseRangeFactory, StreetFactory


@pytest.fixture
def lenina(db):
    """улица Ленина in Подольск: houses 1–25 and 27–51 (the neighbour's range)."""
    first = HouseRangeFactory()
    HouseRangeFactory(
        street=first.street,
        house_from=27,
        house_to=51,
        tariff_region=first.tariff_region,
        grid_company=first.grid_company,
    )
    TariffPeriodFactory(region=first.tariff_region, valid_from=date(2020, 1, 1))
    return first


def cover(notice, model, **place):
    model.objects.create(notice=notice, **{"locality": "Подольск", **place})
    return notice


def outage(**place):
    return cover(OutageNoticeFactory(work_type=place.pop("work")), OutageCoverage, **place)


@pytest.mark.parametrize(
    ("text", "words", "house"),
    [
        ("Ленина 5", ["ленина"], "5"),
        ("Подольск, ул. Ленина, д. 5 к. 2", ["подольск", "ул", "ленина", "д"], "5 к 2"),
        ("улица 8 Марта", ["улица", "8", "марта"], ""),
        ("улица 8 Марта 14", ["улица", "8", "марта"], "14"),
    ],
)
def test_the_house_is_told_from_the_street(text, words, house):
    assert parse(text) == parse(text) and parse(text).street_words == words
    assert parse(text).house == house


@pytest.mark.parametrize("text", ["Ленина 5", "ленину 5", "ул. Ленина, д. 5", "Подольск ленина 5"])
def test_word_forms_and_spellings_find_the_house(lenina, text):
    result = answer(text)
    assert result.state == "found"
    assert result.report.range == lenina


def test_yo_and_e_are_one_letter(db):
    HouseRangeFactory(street=StreetFactory(name="Молодёжная улица"))
    assert answer("молодежная 3").state == "found"
    assert answer("Молодёжной 3").state == "found"


def test_streets_of_one_name_in_two_localities_are_offered_to_choose(lenina):
    HouseRangeFactory(
        street=StreetFactory(locality__name="Химки"),
        tariff_region=lenina.tariff_region,
        grid_company=lenina.grid_company,
    )
    result = answer("Ленина 5")
    assert result.state == "choose"
    assert {street.locality.name for street in result.streets} == {"Подольск", "Химки"}
    assert answer("Химки Ленина 5").report.street.locality.name == "Химки"


def test_unknown_street_and_house(lenina):
    assert answer("Несуществующая 5").state == "unknown_street"
    assert answer("Ленина").state == "need_house"
    assert answer("Ленина 99").state == "unknown_house"


def test_a_notice_covering_the_house_shows_there_and_not_at_the_neighbour(
    lenina, ru_client, home_page
):
    covering = outage(work="Замена опор", street="ул. Ленина", house_from=1, house_to=25)
    odd_only = outage(
        work="Ремонт ввода", street="улица Ленина", house_from=1, house_to=51, parity="odd"
    )
    whole_town = outage(work="Ремонт подстанции", street="")
    elsewhere = outage(work="Обрезка деревьев", street="Садовая улица")
    visit = cover(
        MeterVisitNotice.objects.create(
            organisation="ООО «РУСЭНЕРГОСБЫТ»",
            work_type="Снятие показаний",
            localities="Подольск",
            responsible_position="Инспектор",
            responsible_name="Васильев Игорь Николаевич",
            contact_phone="8 800 000-00-00",
            visit_on=timezone.localdate() + timedelta(days=20),
            time_from=time(10),
            time_to=time(16),
            live=True,
        ),
        MeterVisitCoverage,
        street="Ленина",
        house_from=2,
        house_to=30,
        parity="even",
    )

    def shown(house):
        report = answer(f"Ленина {house}").report
        return {n.work_type for n in report.outages} | {v.work_type for v in report.visits}

    assert shown(5) == {covering.work_type, odd_only.work_type, whole_town.work_type}
    assert shown(28) == {whole_town.work_type, visit.work_type}  # outside 1–25, even
    assert shown(27) == {odd_only.work_type, whole_town.work_type}
    assert elsewhere.work_type not in shown(5)

    html = ru_client.get("/address/", {"q": "Ленина 5"}).content.decode()
    assert "Замена опор" in html
    assert (
        covering.starts_at.astimezone(timezone.get_current_timezone()).strftime("%d.%m.%Y") in html
    )
    assert "Замена опор" not in ru_client.get("/address/", {"q": "Ленина 27"}).content.decode()


def test_past_and_unpublished_notices_are_left_out(lenina):
    past = outage(work="Прошлое", street="улица Ленина")
    past.starts_at = timezone.now() - timedelta(days=10)
    past.ends_at = past.starts_at + timedelta(hours=4)
    past.save()
    draft = outage(work="Черновик", street="улица Ленина")
    draft.live = False
    draft.save()
    assert answer("Ленина 5").report.outages == []


def test_nearest_offices_with_open_now_and_payment_points(lenina):
    near = ServiceCentreFactory(name="ЦОК «Подольск»", latitude="55.4300", longitude="37.5400")
    ServiceCentreFactory(name="ЦОК «Дмитров»", latitude="56.3447", longitude="37.5204")
    for weekday in range(7):
        ServiceCentreHoursFactory(
            centre=near,
            weekday=weekday,
            opens=time(0),
            closes=time(23, 59),
            break_starts=None,
            break_ends=None,
        )
    PaymentPointFactory(name="Банк рядом", latitude="55.4320", longitude="37.5450")
    monday_noon = timezone.make_aware(timezone.datetime(2026, 11, 30, 12))
    report = answer("Ленина 5", now=monday_noon).report
    assert report.offices[0].record.name == "ЦОК «Подольск»"
    assert report.offices[0].open_now
    assert report.offices[0].distance < 1
    assert report.payment_points[0].record.name == "Банк рядом"


def test_the_page_without_javascript(lenina, ru_client, home_page, django_assert_max_num_queries):
    ru_client.get("/address/", {"q": "Ленина 5"})  # the menu and settings are cached
    with django_assert_max_num_queries(10):
        response = ru_client.get("/address/", {"q": "Ленина 5"})
    html = response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert "Подольск, улица Ленина, 5" in html
    assert lenina.grid_company.name in html
    assert "6,00" in html or "6.00" in html  # today's single rate
    assert 'action="/address/"' in html and 'name="q"' in html


def test_the_english_page(lenina, home_page, client):
    response = client.get("/en/address/", {"q": "Ленина 5"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "What applies to my address" in html and 'action="/en/address/"' in html


def test_suggestions(lenina, ru_client):
    data = ru_client.get("/address/suggest/", {"q": "ленин 5"}).json()
    assert data["suggestions"][0]["title"] == "улица Ленина, Подольск, 5"
    assert data["suggestions"][0]["url"].startswith("/address/?q=")
    assert ru_client.get("/address/suggest/", {"q": "л"}).json()["suggestions"] == []
