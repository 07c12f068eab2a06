"""The home page of tasks on the demo site: blocks editors arrange, fed by records that exist
elsewhere (outages, grid companies, tariffs, announcements), one step from the address page."""

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from wagtail.models import Site

from core import expiry
from disclosure.models import GridCompany, OutageNotice
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_the_tasks_link_pages_and_services(ru_client):
    main = main_of(ru_client.get("/").content.decode())
    for url in ["/clients/payment/", "/clients/meter-readings/", "/reception/", "/address/"]:
        assert f'href="{url}"' in main, url
    assert 'href="https://lk.ruses.ru/"' in main  # the personal account beside «Оплатить»


def test_one_step_from_home_to_the_address_page(ru_client):
    main = main_of(ru_client.get("/").content.decode())
    form = re.search(r'<form class="search-form address-form" action="([^"]+)" method="get">', main)
    assert form and form.group(1) == "/address/"
    answer = ru_client.get(form.group(1), {"q": "Химки, Молодёжная, 3"}).content.decode()
    assert "Ремонт трансформаторной подстанции ТП-214" in answer


def test_the_personal_account_is_a_site_setting_linked_in_the_header(ru_client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.personal_account_url = "https://cabinet.example.ru/"
    settings.save()
    html = ru_client.get("/clients/").content.decode()
    header = html[html.index('class="site-header"') : html.index("<main")]
    assert 'href="https://cabinet.example.ru/">Личный кабинет</a>' in header


def test_the_feeds_show_the_records_of_other_apps(ru_client):
    main = main_of(ru_client.get("/").content.decode())
    assert soon().exists()
    for notice in soon():
        assert f"#notice-{notice.pk}" in main
    for company in GridCompany.objects.filter(live=True).sources()[:3]:
        assert company.dispatcher_phone in main
    assert "Объявлены новые тарифы на электроэнергию для населения" in main
    assert re.search(r"\d+,\d\d → <strong>\d+,\d\d</strong> \(\+\d+,\d %\)", main)


def test_the_english_feeds_show_the_english_records(ru_client):
    main = main_of(ru_client.get("/en/").content.decode())
    assert soon("en").exists()
    for notice in soon("en"):
        assert notice.locale.language_code == "en"
        assert f"#notice-{notice.pk}" in main and notice.localities in main
    for company in GridCompany.objects.filter(live=True).for_locale("en")[:3]:
        assert company.name in main
    assert "Россети" not in main


def soon(language: str = "ru"):
    now = timezone.now()
    return (
        OutageNotice.objects.live()
        .for_locale(language)
        .filter(starts_at__lte=now + timedelta(days=7), ends_at__gte=now)
    )


def test_a_changed_outage_shows_on_the_home_page_at_once(
    ru_client, django_capture_on_commit_callbacks
):
    ru_client.get("/")  # the feeds are cached
    notice = soon().first()
    notice.localities = "Новая Деревня"
    with django_capture_on_commit_callbacks(execute=True):
        notice.save_revision().publish()
    assert "Новая Деревня" in ru_client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/", "/en/", "/news/", "/en/news/"])
def test_query_budget(ru_client, url, django_assert_max_num_queries):
    ru_client.get(url)
    with django_assert_max_num_queries(10):
        assert ru_client.get(url).status_code == 200


def test_the_english_home_has_its_own_tasks(ru_client):
    main = main_of(ru_client.get("/en/").content.decode())
    assert "What do you want to do?" in main
    assert 'action="/en/address/"' in main
    assert 'href="/en/clients/payment/"' in main


def test_the_announcements_feed_is_atom(ru_client):
    response = ru_client.get("/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ElementTree.fromstring(response.content).findall(f"{atom}entry")
    titles = [entry.findtext(f"{atom}title") for entry in entries]
    assert titles[0] == "Всё о вашем адресе на одной странице"  # the newest first
    assert len(titles) == 3


def test_a_cached_home_page_expires_when_a_shown_outage_ends():
    current = soon().filter(starts_at__lte=timezone.now()).first()
    boundary = expiry.next_change("home.HomePage")
    assert boundary is not None and boundary <= current.ends_at
