"""Fragments of pages from the cache (core/fragment_cache.py) on the demo site, with the page
cache off (as after a publish): what a second request draws again, and that every change and
clock boundary expires exactly the fragments that show it. Changes commit inside
`django_capture_on_commit_callbacks(execute=True)`, since versions are renewed on commit."""

import re
import threading
import time
import zoneinfo
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone

from core import fragment_cache, route_cache
from disclosure.models import PaymentPage
from disclosure.tests.factories import PaymentPointFactory
from home.models import SiteSettings
from tariffs.models import TariffRegion
from tariffs.tests.factories import TariffPeriodFactory

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
KEY_PAGES = ["/", "/clients/tariffs/", "/contacts/", "/clients/payment/", "/search/?q=тариф",
             "/reception/", "/en/"]  # fmt: skip
EVERY_FRAGMENT = ["head", "header", "content", "footer"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.FRAGMENT_CACHE = True
    cache.clear()
    fragment_cache._local.clear()
    yield
    cache.clear()
    fragment_cache._local.clear()


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """The names of the fragments drawn (not taken from the cache), in order."""
    names: list[str] = []
    render = fragment_cache.render

    def spy(request, name, draw, **options):
        def counted() -> str:
            names.append(name)
            return draw()

        return render(request, name, counted, **options)

    monkeypatch.setattr(fragment_cache, "render", spy)
    return names


def get(path: str, client: Client | None = None) -> str:
    response = (client or Client()).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def redrawn(drawn: list[str], path: str, client: Client | None = None) -> list[str]:
    drawn.clear()
    get(path, client)
    return sorted(drawn)


@pytest.mark.django_db
@pytest.mark.parametrize("path", KEY_PAGES)
def test_a_second_request_draws_nothing_and_gets_the_same_page(path, drawn):
    first = get(path)
    assert sorted(drawn) == sorted(EVERY_FRAGMENT)
    drawn.clear()
    second = get(path)
    assert drawn == []
    assert TOKEN.sub("", second) == TOKEN.sub("", first)  # a form's token is each visitor's own


@pytest.mark.django_db
@pytest.mark.parametrize("path", KEY_PAGES)
def test_a_page_drawn_from_its_fragments_runs_at_most_five_queries(
    path, django_assert_max_num_queries, settings
):
    """With Wagtail's routing remembered too (core/route_cache.py), what is left is the view's
    own: a search runs its query."""
    settings.ROUTE_CACHE = True
    route_cache._routes.clear()
    get(path)
    with django_assert_max_num_queries(5):
        get(path)
    route_cache._routes.clear()


@pytest.mark.django_db
def test_publishing_a_page_redraws_every_fragment(drawn, django_capture_on_commit_callbacks):
    get("/"), get("/clients/payment/")
    page = PaymentPage.objects.get(locale__language_code="ru")
    page.title = "Где оплатить счёт теперь"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert redrawn(drawn, "/clients/payment/") == sorted(EVERY_FRAGMENT)
    assert "Где оплатить счёт теперь" in get("/clients/payment/")
    assert redrawn(drawn, "/") == ["content", "head", "header"]  # the footer, drawn above


@pytest.mark.django_db
def test_a_record_redraws_exactly_the_pages_that_show_it(drawn, django_capture_on_commit_callbacks):
    for path in ("/clients/payment/", "/clients/tariffs/", "/search/?q=тариф"):
        get(path)
    with django_capture_on_commit_callbacks(execute=True):
        PaymentPointFactory(name="Касса на Садовой")
    assert redrawn(drawn, "/clients/payment/") == ["content", "head"]  # not the layout
    assert "Касса на Садовой" in get("/clients/payment/")
    assert redrawn(drawn, "/clients/tariffs/") == []
    assert redrawn(drawn, "/search/?q=тариф") == ["content", "head"]  # shows every record

    region = TariffRegion.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        TariffPeriodFactory(region=region, valid_from=datetime(2020, 1, 1).date())
    assert redrawn(drawn, "/clients/tariffs/") == ["content", "head"]
    assert redrawn(drawn, "/clients/payment/") == []


@pytest.mark.django_db
def test_site_settings_redraw_the_layout(drawn, django_capture_on_commit_callbacks):
    get("/"), get("/clients/payment/")
    settings_row = SiteSettings.objects.first()
    settings_row.hotline_phone = "8 800 000-00-01"
    with django_capture_on_commit_callbacks(execute=True):
        settings_row.save()
    html = get("/clients/payment/")
    header = html[html.index("<header") : html.index("</header>")]
    footer = html[html.index("<footer") :]
    assert "8 800 000-00-01" in header and "8 800 000-00-01" in footer
    assert "8 800 000-00-01" in get("/")


@pytest.mark.django_db
def test_a_tariff_period_starting_tomorrow_appears_right_after_moscow_midnight(
    drawn, django_capture_on_commit_callbacks
):
    region = TariffRegion.objects.first()
    path = f"/clients/tariffs/?region={region.slug}&total=100"
    eve = datetime(2031, 3, 14, 23, 59, 30, tzinfo=MOSCOW)

    def current_section() -> str:
        html = get(path)
        return html[html.index('id="tariffs-current"') : html.index('id="tariff-calculator-title"')]

    with time_machine.travel(eve, tick=False) as traveller:
        with django_capture_on_commit_callbacks(execute=True):
            TariffPeriodFactory(
                region=region,
                valid_from=(eve + timedelta(days=1)).date(),
                prices={"all_day": Decimal("4.44")},
            )
        assert "С 15 марта 2031 г." in current_section()  # announced, not yet in force
        assert redrawn(drawn, path) == []
        traveller.move_to(datetime(2031, 3, 15, 0, 0, 0, tzinfo=MOSCOW))
        drawn.clear()
        html = current_section()
        assert "content" in drawn
        assert "15.03.2031" in html and "С 15 марта 2031 г." not in html


@pytest.mark.django_db
def test_what_the_clock_changes_is_redrawn_at_its_boundary_and_nothing_else(drawn, monkeypatch):
    """A page type bound to the clock ("open now" on the contacts page) redraws what it shows
    at the boundary its clock names; the layout waits for midnight."""
    start = datetime(2031, 3, 14, 10, 0, tzinfo=MOSCOW)
    boundary = start + timedelta(minutes=30)
    monkeypatch.setattr(fragment_cache.page_cache.expiry, "next_change", lambda page_type: boundary)
    with time_machine.travel(start, tick=False) as traveller:
        get("/contacts/")
        traveller.move_to(boundary - timedelta(seconds=1))
        assert redrawn(drawn, "/contacts/") == []
        traveller.move_to(boundary)
        assert timezone.now() >= boundary
        assert redrawn(drawn, "/contacts/") == ["content", "head"]


@pytest.mark.django_db
def test_an_english_and_a_russian_request_never_share_a_fragment(drawn):
    russian = get("/")
    drawn.clear()
    english = get("/en/")
    assert sorted(drawn) == sorted(EVERY_FRAGMENT)  # the shared footer too
    footer = english[english.index("site-footer") :]
    assert "Hotline" in footer and "Горячая линия" in russian[russian.index("site-footer") :]


@pytest.mark.django_db
def test_the_accessibility_version_gets_fragments_of_its_own(drawn):
    get("/clients/")
    visitor = Client()
    visitor.cookies["a11y"] = "size-3.scheme-bw"
    assert redrawn(drawn, "/clients/", visitor) == sorted(EVERY_FRAGMENT)
    assert "a11y-panel" in get("/clients/", visitor)
    assert redrawn(drawn, "/clients/", visitor) == []
    assert "a11y-panel" not in get("/clients/")


@pytest.mark.django_db
def test_a_form_keeps_no_token_and_a_post_after_a_cached_fragment_is_accepted(drawn):
    get("/reception/status/")
    kept = [cache.get(key.removeprefix(":1:")) for key in list(cache._cache)]  # locmem
    fragments = [found for found in kept if isinstance(found, fragment_cache.Fragment)]
    assert any(len(found.parts) > 1 for found in fragments)  # split around the token
    assert not any(TOKEN.search(part) for found in fragments for part in found.parts)
    visitor = Client(enforce_csrf_checks=True)
    drawn.clear()
    html = get("/reception/status/", visitor)
    assert drawn == [] and fragment_cache.page_cache.PLACEHOLDER.decode() not in html
    token = TOKEN.search(html).group(1)
    response = visitor.post(
        "/reception/status/",
        {"csrfmiddlewaretoken": token, "number": "ВП-2026-000001", "contact": "a@example.ru"},
    )
    assert response.status_code == 200  # not 403: the token is for this visitor's cookie
    other = Client()
    assert TOKEN.search(get("/reception/status/", other)).group(1) != token


@pytest.mark.django_db
def test_nothing_personal_is_kept(drawn, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    get("/clients/", editor)
    assert redrawn(drawn, "/clients/", editor) == sorted(EVERY_FRAGMENT)  # never from the cache
    assert redrawn(drawn, "/clients/") == sorted(EVERY_FRAGMENT)  # the editor's were not kept
    # A private answer (an address the customer typed) keeps none of its fragments.
    path = "/address/?q=Ленина 1"
    get(path)
    assert redrawn(drawn, path) == ["content", "head", "header"]  # the footer: kept for /clients/


def test_a_burst_for_a_missing_fragment_draws_it_once():
    """Eight requests arrive while the first is still drawing it: one draws, the others wait
    for its copy."""
    draws = []

    def slow_draw() -> str:
        draws.append(1)
        time.sleep(0.3)
        return "<p>drawn</p>"

    def view(request):
        html = fragment_cache.render(request, "burst", slow_draw, layout=True, shared=True)
        return HttpResponse(html)

    middleware = fragment_cache.FragmentCacheMiddleware(view)
    answers = []
    threads = [
        threading.Thread(target=lambda: answers.append(middleware(RequestFactory().get("/b/"))))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(draws) == 1
    assert [answer.content for answer in answers] == [b"<p>drawn</p>"] * 8
