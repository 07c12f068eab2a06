"""The demo's disclosure pages: where they may be created, that they render with their
structured content, the outage feed and calendar, and bounded queries per list page."""

import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from disclosure.models import (
    AdditionalServicesPage,
    AppealsPage,
    ConsumptionNormsPage,
    ContractsPage,
    GridCompaniesPage,
    GridCompany,
    MeterVisitNotice,
    OutageNotice,
    OutagesPage,
    PaymentPage,
    PaymentPoint,
    RestrictionPage,
    ServiceCentre,
    ServiceCentresPage,
    ServiceStandardPage,
)
from disclosure.tests.factories import (
    GridCompanyFactory,
    OutageNoticeFactory,
    PaymentPointFactory,
    ServiceCentreFactory,
    ServiceCentreHoursFactory,
)
from home.models import HomePage, SectionPage, StandardPage
from readings.models import MeterReadingsPage

SECTION_PAGES = [
    ContractsPage,
    ConsumptionNormsPage,
    ServiceStandardPage,
    PaymentPage,
    RestrictionPage,
    AppealsPage,
    OutagesPage,
    AdditionalServicesPage,
]


class TestWhereDisclosurePagesLive(WagtailPageTestCase):
    def test_section_pages_live_only_in_sections(self):
        for model in SECTION_PAGES:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {SectionPage})
                self.assertCanCreateAt(SectionPage, model)
                self.assertCanNotCreateAt(HomePage, model)
                self.assertCanNotCreateAt(StandardPage, model)
                self.assertAllowedSubpageTypes(model, set())

    def test_service_centres_hold_the_grid_companies(self):
        self.assertAllowedParentPageTypes(ServiceCentresPage, {HomePage, SectionPage})
        self.assertAllowedSubpageTypes(ServiceCentresPage, {GridCompaniesPage})
        self.assertAllowedParentPageTypes(GridCompaniesPage, {ServiceCentresPage, SectionPage})
        self.assertCanNotCreateAt(HomePage, GridCompaniesPage)

    def test_one_per_section(self):
        clients = SectionPage.objects.get(slug="clients", locale__language_code="ru")
        for model in SECTION_PAGES:
            with self.subTest(model=model.__name__):
                assert not model.can_create_at(clients)

    def test_every_demo_page_renders(self):
        for model in [*SECTION_PAGES, ServiceCentresPage, GridCompaniesPage]:
            for page in model.objects.all():
                with self.subTest(page=page.url_path):
                    self.assertPageIsRenderable(page)


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_contracts_page_has_categories_deadlines_and_forms(ru_client):
    page = html(ru_client, "/clients/contracts/")
    assert 'id="category-households"' in page and 'id="category-management"' in page
    assert "Выписка из ЕГРЮЛ" in page
    assert "10 рабочих дней с момента получения заявления" in page
    forms = re.findall(r'href="(/documents/[^"]+\.pdf)"', page)
    assert len(forms) == 4
    download = ru_client.get(forms[0])
    body = b"".join(download.streaming_content) if download.streaming else download.content
    assert body.startswith(b"%PDF")
    assert "действует с 01.01.2025" in page or "effective from 01.01.2025" in page
    assert 'href="/reception/status/"' in page


@pytest.mark.django_db
def test_service_standard_links_its_pdf(ru_client):
    page = html(ru_client, "/clients/service-standard/")
    pdf = re.search(r'href="(/documents/[^"]+\.pdf)"', page)
    assert pdf
    response = ru_client.get(pdf[1])
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF") and len(body) > 20_000


@pytest.mark.django_db
def test_norms_are_a_table(ru_client):
    page = html(ru_client, "/clients/consumption-norms/")
    assert page.count("<tr>") >= 50
    assert "Московская область" in page and "01.07.2017" in page
    # Houses as well as flats, with both stove types (the customer's whole list).
    for housing in (
        "Многоквартирный дом с газовыми",
        "Жилой дом с газовыми",
        "Жилой дом с электро",
    ):
        assert housing in page


@pytest.mark.django_db
def test_services_show_price_and_how_to_order(ru_client):
    page = html(ru_client, "/clients/services/")
    assert "Поверка прибора учёта" in page and "1\u00a0800\u00a0₽" in page
    assert "виртуальной приёмной" in page
    # One format for every price: «[от ]N ₽ unit», or «рассчитывается индивидуально».
    cells = re.findall(r'<td class="services__price">([^<]*)</td>', page)
    assert len(cells) == 6
    pattern = r"(от )?\d{1,3}(\u00a0\d{3})*\u00a0₽ за [\w ]+|рассчитывается индивидуально"
    assert all(re.fullmatch(pattern, cell) for cell in cells), cells


@pytest.mark.django_db
def test_payment_points_filter_by_locality_and_type(ru_client):
    everything = html(ru_client, "/clients/payment/")
    assert everything.count('class="record"') >= 30
    banks_in_khimki = html(ru_client, "/clients/payment/?locality=Химки&kind=bank")
    assert banks_in_khimki.count('class="record"') == 1
    assert "ПАО Сбербанк" in banks_in_khimki
    # «Онлайн» is not a town: online payment is listed for every locality instead.
    assert '<option value="Онлайн"' not in everything
    online_in_khimki = html(ru_client, "/clients/payment/?locality=Химки&kind=online")
    assert online_in_khimki.count('class="record"') == 3
    ignored = html(ru_client, "/clients/payment/?locality=Атлантида&kind=<script>")
    assert ignored.count('class="record"') == everything.count('class="record"')


@pytest.mark.django_db
def test_payment_points_hide_drafts(ru_client):
    PaymentPointFactory(name="Черновик банка", live=False)
    assert "Черновик банка" not in html(ru_client, "/clients/payment/")


@pytest.mark.django_db
def test_contacts_list_centres_with_hours_and_filter(ru_client):
    page = html(ru_client, "/contacts/")
    assert page.count('class="record"') >= 11
    assert "12:30–13:15" in page  # the break
    assert "data-record-map" in page and "js/disclosure.js" in page
    podolsk = html(ru_client, "/contacts/?locality=Подольск")
    assert podolsk.count('class="record"') == 1


def centre_badge(page: str, name: str) -> str:
    record = page[page.index(name) :]
    return record[: record.index("</h2>")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "badge"),
    [
        (datetime(2026, 11, 23, 10, 0), "Сейчас открыто"),  # Monday morning
        (datetime(2026, 11, 23, 12, 45), "Сейчас закрыто"),  # the lunch break
        (datetime(2026, 11, 4, 10, 0), "Сейчас закрыто"),  # Unity Day
    ],
)
def test_contacts_say_whether_a_centre_is_open_now(ru_client, monkeypatch, moment, badge):
    fixed = moment.replace(tzinfo=timezone.get_current_timezone())
    monkeypatch.setattr("disclosure.models.directory.timezone.now", lambda: fixed)
    page = html(ru_client, "/contacts/")
    assert badge in centre_badge(page, "ЦОК «Тушино»")


@pytest.mark.django_db
def test_the_cached_list_of_centres_follows_the_clock_the_language_and_the_records(
    ru_client, monkeypatch, django_capture_on_commit_callbacks
):
    moment = [datetime(2026, 11, 23, 10, 0)]  # Monday morning, then the lunch break
    tz = timezone.get_current_timezone()
    monkeypatch.setattr(
        "disclosure.models.directory.timezone.now", lambda: moment[0].replace(tzinfo=tz)
    )
    assert "Сейчас открыто" in centre_badge(html(ru_client, "/contacts/"), "ЦОК «Тушино»")
    moment[0] = datetime(2026, 11, 23, 12, 45)
    assert "Сейчас закрыто" in centre_badge(html(ru_client, "/contacts/"), "ЦОК «Тушино»")
    english = html(ru_client, "/en/contacts/")
    assert "Closed now" in english and "Сейчас закрыто" not in english

    centre = ServiceCentre.objects.get(name="ЦОК «Тушино»")
    centre.queue_info = "Электронная очередь у входа"
    with django_capture_on_commit_callbacks(execute=True):
        centre.save_revision().publish()
    assert "Электронная очередь у входа" in html(ru_client, "/contacts/")


@pytest.mark.django_db
def test_grid_companies(ru_client):
    page = html(ru_client, "/contacts/grid-companies/")
    assert page.count('class="record"') == 5
    assert "8 800 220-02-20" in page


@pytest.mark.django_db
def test_outages_upcoming_first_past_in_the_archive(ru_client):
    page = html(ru_client, "/clients/outages/")
    archive = html(ru_client, "/clients/outages/archive/")
    assert "Коломна, ул. Гагарина" not in page and "Коломна, ул. Гагарина" in archive
    assert "Подольск, мкр. Кутузово" in page and "Подольск, мкр. Кутузово" not in archive
    for field in ["Смирнов Павел Андреевич", "Замена опор ВЛ-0,4 кВ", "Плановый ремонт"]:
        assert field in page
    assert "Васильев Игорь Николаевич" in page  # the meter-reading visit


@pytest.mark.django_db
def test_outage_feed_and_calendar(ru_client):
    feed = ru_client.get("/clients/outages/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    entries = feed.content.decode()
    assert entries.count("<entry>") == OutagesPage.current_and_upcoming().count()
    assert "Вид работ: Замена опор ВЛ-0,4 кВ" in entries and "Когда: с " in entries
    assert 'href="http://testserver/clients/outages/#notice-' in entries
    calendar = ru_client.get("/clients/outages/calendar/")
    assert calendar["Content-Type"].startswith("text/calendar")
    body = calendar.content.decode()
    assert body.startswith("BEGIN:VCALENDAR")
    assert body.count("BEGIN:VEVENT") == OutagesPage.current_and_upcoming().count()


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


LIST_PAGES = [
    ("/clients/payment/", lambda n: PaymentPointFactory.create_batch(n)),
    ("/clients/payment/?locality=Москва", lambda n: PaymentPointFactory.create_batch(n)),
    (
        "/contacts/",
        lambda n: [ServiceCentreHoursFactory(centre=ServiceCentreFactory()) for _ in range(n)],
    ),
    ("/contacts/grid-companies/", lambda n: GridCompanyFactory.create_batch(n)),
    ("/clients/outages/", lambda n: OutageNoticeFactory.create_batch(n)),
    (
        "/clients/outages/archive/",
        lambda n: OutageNoticeFactory.create_batch(
            n, starts_at=timezone.now() - timedelta(days=60)
        ),
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "make"), LIST_PAGES, ids=[url for url, _ in LIST_PAGES])
def test_list_pages_run_the_same_queries_for_20_and_200_records(ru_client, url, make):
    for model in (PaymentPoint, ServiceCentre, GridCompany, OutageNotice):
        model.objects.all().delete()
    make(20)
    with_20 = count_queries(ru_client, url)
    make(180)
    with_200 = count_queries(ru_client, url)
    assert with_20 == with_200, (with_20, with_200)
    # What this page adds to the site's frame (menu, settings, routing) is bounded too.
    frame = count_queries(ru_client, "/clients/restriction/")
    assert with_200 - frame <= 3, (with_200, frame)


@pytest.mark.django_db
def test_every_page_declares_what_it_discloses():
    for model in [*SECTION_PAGES, ServiceCentresPage, GridCompaniesPage]:
        if model is OutagesPage:
            continue  # notices of §7, not an item of §6.2 or a section of §10.1
        assert model.disclosure_items, model


@pytest.mark.django_db
def test_english_pages_render(ru_client):
    for page in Page.objects.filter(locale__language_code="en").type(
        ContractsPage, ServiceCentresPage, PaymentPage, ConsumptionNormsPage
    ):
        assert ru_client.get(page.url).status_code == 200, page.url


@pytest.mark.django_db
def test_a_draft_change_stays_off_the_site_until_published(ru_client):
    point = PaymentPoint.objects.get(name="ПАО Сбербанк", locality="Химки")
    point.name = "Банк в черновике"
    point.save_revision()
    page = html(ru_client, "/clients/payment/?locality=Химки")
    assert "ПАО Сбербанк" in page and "Банк в черновике" not in page
    point.get_latest_revision().publish()
    page = html(ru_client, "/clients/payment/?locality=Химки")
    assert "Банк в черновике" in page
    assert point.revisions.count() >= 2


@pytest.mark.django_db
def test_publishing_a_record_purges_the_pages_that_list_it():
    from core.expiry import pages_showing

    # The home page lists the outages of the next days (home/blocks.py, disclosure/feeds.py).
    assert {type(page) for page in pages_showing(OutageNotice())} == {OutagesPage, HomePage}
    assert {type(page) for page in pages_showing(MeterVisitNotice())} == {
        OutagesPage,
        MeterReadingsPage,
    }  # the readings app's page shows the visits under its form
    assert len(pages_showing(PaymentPoint())) == 2  # Russian and English


@pytest.mark.django_db
def test_contacts_describe_each_office_as_a_local_business(ru_client):
    import json

    page = html(ru_client, "/contacts/")
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(page[start : page.index("</script>", start)])
    assert len(data) == 10  # in-person centres only
    tushino = next(item for item in data if "Тушино" in item["name"])
    assert tushino["@type"] == "LocalBusiness"
    monday = [
        spec
        for spec in tushino["openingHoursSpecification"]
        if spec["dayOfWeek"].endswith("Monday")
    ]
    assert [(spec["opens"], spec["closes"]) for spec in monday] == [
        ("08:30", "12:30"),
        ("13:15", "17:30"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/contacts/", "/clients/payment/"])
def test_directory_pages_query_the_same_for_thirty_more_records(
    ru_client, url, django_assert_max_num_queries
):
    for _ in range(30):
        ServiceCentreHoursFactory(weekday=1)
        PaymentPointFactory()
    ru_client.get(url)  # warm the caches (menu, settings, the rendered list)
    with django_assert_max_num_queries(10):
        page = html(ru_client, url)
    assert "ЦОК № " in page or "Пункт оплаты " in page
