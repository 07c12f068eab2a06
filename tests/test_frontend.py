"""The site-wide front end without a browser: the version for the visually impaired, the head
that search engines read, the sitemap of both languages and the accessible form field."""

import json
import re
from pathlib import Path

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory

from home.accessibility import COOKIE_NAME, Preferences


def html_class(html: str) -> str:
    match = re.search(r"<html[^>]*?(?: class=\"([^\"]*)\")?>", html)
    assert match is not None
    return match.group(1) or ""


# The version for the visually impaired ------------------------------------------------------


def test_preferences_parse_and_ignore_forged_values():
    prefs = Preferences.from_cookie("size-3.scheme-blue.images-off.spacing-wide")
    assert prefs == Preferences(True, "3", "blue", "off", "wide")
    assert Preferences.from_cookie(prefs.cookie_value) == prefs
    forged = Preferences.from_cookie('size-9.scheme-"><script>.evil-1')
    assert forged == Preferences(enabled=True)
    assert Preferences.from_cookie("").enabled is False
    assert Preferences().css_classes == ""


@pytest.mark.django_db
def test_switch_sets_the_cookie_and_goes_back(ru_client):
    response = ru_client.get("/accessibility/", {"mode": "on", "next": "/clients/tariffs/"})
    assert response.status_code == 302
    assert response["Location"] == "/clients/tariffs/"
    assert "no-store" in response["Cache-Control"]
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "size-1.scheme-wb.images-on.spacing-normal"
    assert cookie["samesite"] == "Lax"

    response = ru_client.get("/accessibility/", {"size": "3", "scheme": "bw", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == "size-3.scheme-bw.images-on.spacing-normal"

    html = ru_client.get("/clients/").content.decode()
    assert html_class(html) == (
        "a11y a11y-size-3 a11y-scheme-bw a11y-images-on a11y-spacing-normal"
    )
    # The panel marks the current choices and offers the way back.
    assert re.search(r'data-a11y-value="bw" aria-current="true">Белым по чёрному<', html)
    assert "Обычная версия" in html

    response = ru_client.get("/accessibility/", {"mode": "off", "next": "/clients/"})
    assert response.cookies[COOKIE_NAME].value == ""  # deleted
    assert html_class(ru_client.get("/clients/").content.decode()) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", ""])
def test_switch_never_redirects_off_site(ru_client, target):
    response = ru_client.get("/accessibility/", {"mode": "on", "next": target})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_every_page_offers_the_switch_and_varies_on_the_cookie(ru_client):
    response = ru_client.get("/contacts/")
    html = response.content.decode()
    assert 'href="/accessibility/?mode=on&amp;next=%2Fcontacts%2F"' in html
    assert "Версия для слабовидящих" in html
    assert "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_pages_in_the_visually_impaired_version_stay_within_the_query_budget(
    ru_client, django_assert_max_num_queries
):
    ru_client.cookies[COOKIE_NAME] = "size-2.scheme-blue.images-off.spacing-wide"
    ru_client.get("/")
    with django_assert_max_num_queries(10):
        assert ru_client.get("/").status_code == 200


# What search engines and link previews read --------------------------------------------------


@pytest.mark.django_db
def test_head_has_canonical_hreflang_open_graph_and_description(ru_client):
    html = ru_client.get("/clients/tariffs/").content.decode()
    assert '<link rel="canonical" href="http://testserver/clients/tariffs/">' in html
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/clients/tariffs/">' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/clients/tariffs/">' in html
    )
    assert 'hreflang="x-default" href="http://testserver/clients/tariffs/"' in html
    assert '<meta property="og:title" content="Тарифы">' in html
    assert '<meta property="og:locale" content="ru_RU">' in html
    assert '<meta property="og:url" content="http://testserver/clients/tariffs/">' in html
    assert '<meta name="description" content="Размер и порядок расчёта цены' in html


@pytest.mark.django_db
def test_english_page_head(ru_client):
    html = ru_client.get("/en/clients/tariffs/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/clients/tariffs/">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert "<title>Tariffs — " in html


@pytest.mark.django_db
def test_search_page_links_its_other_language_and_drops_the_query_from_canonical(ru_client):
    html = ru_client.get("/search/", {"q": "тариф"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/search/">' in html
    assert 'href="/en/search/?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84" hreflang="en"' in html


@pytest.mark.django_db
def test_organization_json_ld_comes_from_site_settings(ru_client):
    html = ru_client.get("/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    assert data["@type"] == "Organization"
    assert data["name"] == "ООО «РУСЭНЕРГОСБЫТ»"
    assert data["telephone"] == "8 800 333-00-22"
    assert data["address"]["streetAddress"].startswith("105066, Москва")


def test_json_ld_cannot_close_its_script_element():
    html = Template("{% load structured_data %}{% json_ld data %}").render(
        Context({"data": {"name": "</script><script>alert(1)</script>"}})
    )
    assert html.count("</script>") == 1


@pytest.mark.django_db
def test_sitemap_lists_both_languages(ru_client):
    body = ru_client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert "http://localhost/" in locations
    assert "http://localhost/clients/tariffs/" in locations
    assert "http://localhost/en/" in locations
    assert "http://localhost/en/clients/tariffs/" in locations
    assert len(locations) == len(set(locations))


@pytest.mark.django_db
def test_robots_keeps_crawlers_off_the_switch(ru_client):
    assert "Disallow: /accessibility/" in ru_client.get("/robots.txt").content.decode()


# The accessible form field -------------------------------------------------------------------


class SampleForm(forms.Form):
    account = forms.CharField(label="Лицевой счёт", help_text="10 цифр")
    consent = forms.BooleanField(label="Согласен на обработку персональных данных")
    comment = forms.CharField(label="Комментарий", required=False)


def render_field(field) -> str:
    template = Template('{% include "includes/form_field.html" with field=field %}')
    return template.render(Context({"field": field}))


def test_form_field_ties_help_and_errors_to_the_input():
    form = SampleForm(data={"account": ""})
    html = render_field(form["account"])
    assert '<label class="field__label" for="id_account">Лицевой счёт' in html
    assert '<p class="field__help" id="id_account-help">10 цифр</p>' in html
    assert 'id="id_account-error"' in html
    assert 'aria-describedby="id_account-error id_account-help"' in html
    assert 'aria-invalid="true"' in html
    assert "field--error" in html


def test_form_field_without_errors_or_help():
    form = SampleForm()
    html = render_field(form["comment"])
    assert "aria-describedby" not in html
    assert "aria-invalid" not in html
    assert "field__error" not in html


def test_checkbox_label_follows_the_box():
    form = SampleForm()
    html = render_field(form["consent"])
    assert "field--checkbox" in html
    assert html.index('type="checkbox"') < html.index("Согласен на обработку")


def test_canonical_url_of_a_plain_view():
    """A plain Django view (search, 404) has no `page`: the canonical URL is its path."""
    request = RequestFactory().get("/no-such-page/")
    html = Template("{% load seo %}{% canonical_url page %}").render(
        Context({"request": request, "page": None})
    )
    assert html == "http://testserver/no-such-page/"


@pytest.mark.django_db
def test_not_found_page_offers_the_other_home_not_a_dead_link(ru_client):
    html = ru_client.get("/no-such-page/").content.decode()
    assert 'hreflang="en"' in html
    assert 'href="/en/" hreflang="en"' in html
    assert "/en/no-such-page/" not in html


@pytest.mark.django_db
def test_english_site_mirrors_the_russian_one():
    """Every live Russian page has a live English translation with an English title."""
    from wagtail.models import Locale, Page

    russian = Page.objects.live().filter(locale__language_code="ru", depth__gte=2)
    english = Locale.objects.get(language_code="en")
    missing = []
    for page in russian:
        translation = page.get_translation_or_none(english)
        if (
            translation is None
            or not translation.live
            or re.search("[а-яё]", translation.title, re.I)
        ):
            missing.append(page.url_path)
    assert russian.count() > 10
    assert missing == []


class ChoiceForm(forms.Form):
    channel = forms.ChoiceField(
        label="Способ ответа",
        choices=[("post", "Почтой"), ("email", "По электронной почте")],
        widget=forms.RadioSelect,
        help_text="Куда прислать ответ",
    )


def test_radio_buttons_become_a_fieldset_with_a_legend():
    form = ChoiceForm(data={})
    html = render_field(form["channel"])
    assert html.strip().startswith("<fieldset")
    assert '<legend class="field__label">Способ ответа' in html
    assert 'aria-describedby="id_channel-error id_channel-help"' in html
    assert "<label for=" not in html.split("<legend")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/clients/tariffs/", "/contacts/", "/reception/", "/en/"])
def test_key_pages_load_assets_only_from_the_site_and_stay_light(ru_client, url):
    """Every stylesheet and script comes from static/ (the site works on a closed network),
    and the HTML with them stays under the 150 KB budget, uncompressed
    (benchmarks/page_weight.py measures what a running server transfers)."""
    from django.contrib.staticfiles import finders

    from benchmarks.page_weight import Assets

    html = ru_client.get(url).content
    parser = Assets()
    parser.feed(html.decode())
    assert parser.urls, "the page links its stylesheet"
    assert all(asset.startswith("/static/") for asset in parser.urls), parser.urls
    assets = [finders.find(asset.removeprefix("/static/").split("?")[0]) for asset in parser.urls]
    assert all(assets), parser.urls
    total = len(html) + sum(Path(asset).stat().st_size for asset in assets)
    assert total < 150 * 1024


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/reception/", "/reception/status/", "/clients/meter-readings/"])
def test_the_public_forms_use_the_shared_field_include_and_honeypot(ru_client, path):
    response = ru_client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="field__label"' in html
    for twin in ("form-field", "readings-field", "form-honeypot", "readings-hp"):
        assert twin not in html
    trap = re.search(r'<div class="honeypot" aria-hidden="true">.*?</div>', html, re.S).group(0)
    assert 'name="website"' in trap
    assert 'tabindex="-1"' in trap
    assert 'value=""' in trap
