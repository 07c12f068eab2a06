"""The demo site says what the standard says (issue 14): the wording of the restriction,
appeals, contacts and FAQ pages checked against the standard's own sections."""

import re
from datetime import time

import pytest
from django.utils import timezone

from core.workdays import is_working_day
from disclosure.models import MeterVisitNotice, ServiceCentre


def record(html: str, pk: int) -> str:
    """The HTML of one service centre's list item."""
    item = html[html.index(f'id="centre-{pk}"') :]
    return item.split('<li class="record"', 1)[0]


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.django_db
def test_restriction_notice_is_delivered_the_ways_of_section_7_table_3(ru_client):
    page = text(ru_client, "/clients/restriction/")
    # §7 table 3 item 1.1, word for word.
    assert "в письменном виде под расписку" in page
    assert "заказным письмом (с уведомлением о вручении)" in page
    assert "телефонограммой" in page
    assert "раздел 7, таблица 3, пп. 1.1–1.2" in page
    # Both audiences' notice periods; no promise the standard does not make.
    assert "физические лица" in page and "юридические лица" in page
    assert "24 час" not in page
    assert "SMS" not in page


@pytest.mark.django_db
def test_appeals_page_cites_the_sections_that_set_its_terms(ru_client):
    page = text(ru_client, "/clients/appeals/")
    assert "разделы 7 и 9" not in page
    assert "разделы 8.4, 9.1, 9.2 и 10.2" in page
    # §9.2: contact details (any one), not "surname and postal or e-mail address".
    assert "фамилии" not in page
    assert "адрес электронной почты, почтовый адрес или телефон" in page
    # §9.2: every ground for not considering an appeal, and the notices.
    for ground in (
        "нецензурные либо оскорбительные выражения",
        "не поддаётся прочтению",
        "уведомление о ранее данном ответе",
        "коммерческую тайну",
    ):
        assert ground in page
    # §11 and §9.1: free of charge.
    assert "является бесплатным (раздел 11 Стандарта)" in page


@pytest.mark.django_db
def test_faq_cites_10_2_for_the_extension(ru_client):
    page = text(ru_client, "/clients/faq/")
    assert "раздел 11 Стандарта" not in page
    assert "(раздел 10.2 Стандарта)" in page


@pytest.mark.django_db
def test_hotline_is_round_the_clock_without_holiday_closing(ru_client):
    hotline = ServiceCentre.objects.sources().get(round_the_clock=True)
    assert not hotline.hours.exists()
    response = ru_client.get("/contacts/")
    html = response.content.decode()
    item = record(html, hotline.pk)
    assert "Круглосуточно, без выходных" in item
    assert "23:59" not in item and "праздничные дни" not in item.lower()
    assert "Сейчас открыто" in item


@pytest.mark.django_db
def test_offices_without_step_free_access_offer_the_home_visit(ru_client):
    html = ru_client.get("/contacts/").content.decode()
    closed = ServiceCentre.objects.sources().filter(accessible=False, kind="in_person").first()
    item = record(html, closed.pk)
    assert 'href="/reception/home-visit/"' in item


@pytest.mark.django_db
def test_demo_meter_visit_is_on_a_working_day_between_11_and_22():
    for visit in MeterVisitNotice.objects.live():
        assert is_working_day(visit.visit_on)
        assert time(11) <= visit.time_from < visit.time_to <= time(22)
        assert visit.visit_on >= timezone.localdate()


@pytest.mark.django_db
def test_a_change_of_a_service_centre_expires_every_page():
    """Every page's footer shows the head office: the page cache drops them all."""
    from core.expiry import pages_showing

    office = ServiceCentre.objects.sources().get(head_office=True)
    urls = {page.url_path for page in pages_showing(office)}
    assert {"/home/", "/home/clients/restriction/", "/home/contacts/"} <= urls


@pytest.mark.django_db
def test_contacts_show_reception_hours_queues_and_service_times(ru_client):
    """§8.4: reception hours where they differ, the queue, the typical service times."""
    page = text(ru_client, "/contacts/")
    assert "Приём клиентов" in page  # reception hours that differ from the opening hours
    assert "Очередь: электронная очередь" in page
    assert "Средняя продолжительность обслуживания" in page
    assert "10–15 мин." in page and "20 мин." in page and "40 сек." in page
    assert "Стандарт, разделы 8.4 и 9.1" in page


@pytest.mark.django_db
def test_ethics_and_anti_corruption_are_published(ru_client):
    """§3.3: the Code of Ethics and the Anti-Corruption Policy are on the site."""
    about = text(ru_client, "/about/")
    assert "Кодекс этики" in about and "Положение о недопустимости коррупции" in about
    assert "раздел 3.3" in text(ru_client, "/about/ethics/").replace(
        "раздел 3.3 Стандарта", "раздел 3.3"
    )
    assert "Сообщить о коррупции" in text(ru_client, "/about/anti-corruption/")
    assert "ИНН" in text(ru_client, "/about/details/")


@pytest.mark.django_db
def test_privacy_policy_names_operator_purposes_retention_and_rights(ru_client):
    """152-FZ: the policy names the operator, the purposes, how long data is kept and the
    customer's rights; the consent is a text of its own."""
    policy = text(ru_client, "/privacy/")
    for heading in ("Оператор", "Какие данные и зачем", "Сроки хранения", "Ваши права"):
        assert heading in policy
    assert "ООО «РУСЭНЕРГОСБЫТ»" in policy and "Роскомнадзор" in policy
    consent = text(ru_client, "/consent/")
    assert "Согласие действует до его отзыва" in consent
    assert "Сроки хранения" not in consent


@pytest.mark.django_db
def test_decree_24_documents_by_year_and_kind(ru_client, django_assert_max_num_queries):
    html = ru_client.get("/about/disclosure/").content.decode()
    assert "от 21.01.2004 № 24" in html
    assert re.findall(r"<h2>(\d{4})</h2>", html) == ["2025", "2024"]
    assert "Сбытовая надбавка гарантирующего поставщика" in html
    with django_assert_max_num_queries(10):
        only = ru_client.get("/about/disclosure/?year=2024&kind=markup").content.decode()
    assert only.count("disclosure-markup-2024") == 1
    assert "2025" not in re.findall(r"<h2>(\d{4})</h2>", only)


@pytest.mark.django_db
def test_english_pages_name_the_company_in_english(client):
    html = client.get("/en/clients/restriction/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    assert title.endswith("RUSENERGOSBYT LLC") and "ООО" not in title
    footer = html[html.index('class="site-footer"') :]
    assert "RUSENERGOSBYT LLC" in footer and "ООО «РУСЭНЕРГОСБЫТ»" not in footer
    assert "Mon–Thu 08:30–17:30" in footer  # the head office's hours, in English


@pytest.mark.django_db
def test_english_disclosure_pages_have_their_own_text(client):
    """No English page whose main text is a stub or Russian."""
    for url, english in [
        ("/en/clients/appeals/", "When an appeal is not acted upon"),
        ("/en/clients/restriction/", "by registered letter (with acknowledgement of receipt)"),
        ("/en/clients/service-standard/", "Interactive service"),
        ("/en/clients/payment/", "First interim payment"),
        ("/en/clients/services/", "Meter verification"),
        ("/en/contacts/", "Average time of service"),
        ("/en/about/ethics/", "No conflict of interest"),
        ("/en/privacy/", "How long we keep it"),
    ]:
        page = text(client, url)
        assert english in page, url
        assert "being prepared" not in page
