"""The demo site as a whole: every public URL, the header, footer and language switch, routing
across the apps' pages and the query budget of each key page."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from disclosure.models import ServiceCentre
from home.models import SiteSettings

PUBLIC_URLS = [
    "/",
    "/clients/",
    "/clients/tariffs/",
    "/clients/contracts/",
    "/clients/consumption-norms/",
    "/clients/service-standard/",
    "/clients/payment/",
    "/clients/meter-readings/",
    "/clients/faq/",
    "/clients/outages/",
    "/clients/services/",
    "/contacts/",
    "/contacts/grid-companies/",
    "/reception/",
    "/reception/status/",
    "/privacy/",
    "/search/?q=тариф",
    "/address/?q=Садовая 12",
    "/news/",
    "/news/feed/",
    "/en/",
    "/en/clients/tariffs/",
    "/api/v2/pages/",
    "/sitemap.xml",
    "/robots.txt",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_url_answers(ru_client, url):
    response = ru_client.get(url)
    assert response.status_code == 200, url


@pytest.mark.django_db
def test_admin_asks_staff_to_log_in(ru_client):
    response = ru_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "lang"), [("/", "ru"), ("/clients/", "ru"), ("/en/", "en")])
def test_html_lang_matches_the_language(ru_client, url, lang):
    html = ru_client.get(url).content.decode()
    assert f'<html lang="{lang}">' in html


@pytest.mark.django_db
def test_english_home_is_the_translation(ru_client):
    html = ru_client.get("/en/").content.decode()
    assert "RUSENERGOSBYT" in html
    assert "Customers" in html  # the English menu, not the Russian one


@pytest.mark.django_db
def test_header_links_every_section(ru_client):
    html = ru_client.get("/").content.decode()
    nav = html[html.index('class="main-menu"') :]
    for url in [
        "/clients/",
        "/clients/tariffs/",
        "/clients/contracts/",
        "/clients/consumption-norms/",
        "/clients/service-standard/",
        "/clients/payment/",
        "/clients/meter-readings/",
        "/clients/faq/",
        "/clients/outages/",
        "/clients/services/",
        "/contacts/",
        "/contacts/grid-companies/",
        "/reception/",
    ]:
        assert f'href="{url}"' in nav, url


@pytest.mark.django_db
def test_page_has_skip_link_main_landmark_and_language_switch(ru_client):
    html = ru_client.get("/clients/tariffs/").content.decode()
    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert 'href="/en/clients/tariffs/" hreflang="en"' in html


@pytest.mark.django_db
def test_english_page_links_back_to_russian(ru_client):
    html = ru_client.get("/en/clients/tariffs/").content.decode()
    assert 'href="/clients/tariffs/" hreflang="ru"' in html


@pytest.mark.django_db
def test_footer_shows_site_settings(ru_client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.hotline_phone = "8 800 555-35-35"
    settings.email = "help@example.ru"
    settings.save()
    html = ru_client.get("/").content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert "8 800 555-35-35" in footer
    assert 'href="tel:+78005553535"' in footer  # E.164, from core/phone.py
    assert "help@example.ru" in footer


@pytest.mark.django_db
def test_footer_hours_are_the_head_offices_own(ru_client):
    """One source for each fact: the footer's address and hours are those of the service
    centre marked as the head office, Saturday included (the demo's footer once said the
    head office was closed on Saturdays while the centre at its address opened 09–14)."""
    office = ServiceCentre.objects.sources().get(head_office=True)
    html = ru_client.get("/").content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert office.address in footer
    assert "Сб 09:00–14:00" in footer
    assert "Пн–Чт 08:30–17:30" in footer
    # The English footer: the head office's translation, with the same hours.
    english = office.get_translation(Locale.objects.get(language_code="en"))
    html = ru_client.get("/en/").content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert english.address in footer and office.address not in footer
    assert "Sat 09:00–14:00" in footer


@pytest.mark.django_db
def test_unknown_page_gets_russian_404(ru_client):
    response = ru_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


@pytest.mark.django_db
def test_service_standard_has_sections_as_anchors(ru_client):
    html = ru_client.get("/clients/service-standard/").content.decode()
    anchors = set(re.findall(r'id="(section-\d+)"', html))
    assert anchors == {f"section-{n}" for n in range(1, 14)}
    assert 'href="#section-7"' in html
    assert "15 календарных дней" in html


@pytest.mark.django_db
def test_robots_points_to_the_sitemap(ru_client):
    body = ru_client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/clients/",
        "/clients/contracts/",
        "/clients/tariffs/",
        "/clients/meter-readings/",
        "/contacts/",
        "/reception/",
        "/reception/status/",
        "/privacy/",
        "/en/",
        "/en/clients/tariffs/",
        "/clients/payment/",
        "/search/?q=тариф",
    ],
)
def test_public_pages_run_at_most_ten_queries(ru_client, url, django_assert_max_num_queries):
    ru_client.get(url)  # warm the caches (site root paths, settings, menu, tariffs)
    with django_assert_max_num_queries(10):
        assert ru_client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/clients/contracts/", 200),
        ("/clients/tariffs/csv/", 200),  # a route of a routable page below the found page
        ("/reception/status/", 200),
        ("/clients/no-such-page/", 404),
        ("/clients/contracts/no-such-page/", 404),
        ("/no-such-section/contracts/", 404),
    ],
)
def test_routing_below_the_home(ru_client, url, status):
    assert ru_client.get(url).status_code == status


@pytest.mark.django_db
def test_an_unpublished_page_is_not_served(ru_client):
    page = Page.objects.get(url_path="/home/clients/services/")
    page.unpublish()
    assert ru_client.get("/clients/services/").status_code == 404


@pytest.mark.django_db
def test_search_finds_a_page(ru_client):
    html = ru_client.get(reverse("search"), {"q": "оплата"}).content.decode()
    assert "/clients/payment/" in html
