"""The page cache for anonymous visitors (core/page_cache.py) on the demo site: what it keeps,
what it never keeps, and that every change and every clock boundary expires exactly the
pages that show it. Changes commit inside `django_capture_on_commit_callbacks(execute=True)`,
since the versions are renewed when a change commits."""

import os
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
from wagtail.models import Site

from addresses.tests.factories import StreetFactory
from core import page_cache
from disclosure.models import PaymentPage
from disclosure.tests.factories import PaymentPointFactory
from home.models import SiteSettings
from home.tests.factories import make_standard_page, translate
from search.models import QueryStat
from search.services import write_counted_queries
from tariffs.models import TariffRegion
from tariffs.tests.factories import TariffPeriodFactory

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
KEY_PAGES = ["/", "/clients/tariffs/", "/contacts/", "/clients/payment/", "/search/?q=тариф",
             "/reception/", "/en/"]  # fmt: skip


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    write_counted_queries()  # inside the test's transaction: nothing left for the next test
    cache.clear()
    page_cache._local.clear()


def get(path: str, client: Client | None = None, **extra):
    response = (client or Client()).get(path, **extra)
    assert response.status_code == 200, path
    return response


def served_from_cache(path: str, client: Client | None = None) -> bool:
    return get(path, client).get("X-Page-Cache") == "hit"


def warm(*paths: str) -> None:
    for path in paths:
        get(path)
        assert served_from_cache(path), path


@pytest.mark.django_db
@pytest.mark.parametrize("path", KEY_PAGES)
def test_a_hit_runs_no_query_and_carries_no_cookie(path, django_assert_num_queries):
    first = get(path)
    assert first["X-Page-Cache"] == "miss"
    client = Client()
    client.cookies["csrftoken"] = "a" * 32  # a visitor who already has a CSRF cookie
    with django_assert_num_queries(0):
        hit = get(path, client)
    assert hit["X-Page-Cache"] == "hit"
    assert not hit.cookies
    assert "s-maxage" in hit["Cache-Control"] or "private" in hit["Cache-Control"]


@pytest.mark.django_db
def test_conditional_get_answers_304():
    etag = get("/clients/payment/")["ETag"]
    assert Client().get("/clients/payment/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert Client().get("/clients/payment/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.django_db
def test_a_form_posted_after_a_cached_get_is_accepted():
    get("/reception/status/")  # rendered and stored with a placeholder
    visitor = Client(enforce_csrf_checks=True)
    page = get("/reception/status/", visitor)
    assert page["X-Page-Cache"] == "hit" and "private" in page["Cache-Control"]
    html = page.content.decode()
    assert page_cache.PLACEHOLDER.decode() not in html
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert "csrftoken" in page.cookies  # a visitor without one gets it with the page
    response = visitor.post(
        "/reception/status/",
        {"csrfmiddlewaretoken": token, "number": "ВП-2026-000001", "contact": "a@example.ru"},
    )
    assert response.status_code == 200  # not 403: the token matches the visitor's cookie
    assert "private" in response["Cache-Control"]
    # Another visitor gets a token of their own cookie, not the first one's.
    other = get("/reception/status/", Client())
    assert other.cookies["csrftoken"].value != page.cookies["csrftoken"].value


@pytest.mark.django_db
@pytest.mark.parametrize("cached_first", [False, True])
def test_a_proxy_that_speaks_esi_gets_a_form_page_it_can_share(cached_first, settings):
    """deploy/varnish.vcl shares it and writes each visitor's token in (tests/test_varnish.py)."""
    if cached_first:
        get("/reception/status/")
    secret = "k" * 32
    proxy = Client(enforce_csrf_checks=True, HTTP_SURROGATE_CAPABILITY='varnish="ESI/1.0"')
    proxy.cookies["csrftoken"] = secret
    page = get("/reception/status/", proxy)
    assert page["X-Page-Cache"] == ("hit" if cached_first else "miss")
    html = page.content
    assert html.count(page_cache.ESI_CSRF_INPUT) == 1
    assert page_cache.PLACEHOLDER not in html and not page_cache.MASKED_TOKEN.search(html)
    max_age = settings.PAGE_CACHE_SHARED_MAX_AGE
    assert page["Surrogate-Control"] == f'content="ESI/1.0", max-age={max_age}'
    assert page["Cache-Control"].startswith("private") and not page.cookies
    assert "ETag" not in page
    # What the proxy writes in is the visitor's secret, which Django accepts as the token.
    response = proxy.post(
        "/reception/status/",
        {"csrfmiddlewaretoken": secret, "number": "ВП-2026-000001", "contact": "a@example.ru"},
    )
    assert response.status_code == 200
    # A visitor asking without the proxy gets the page with a token, as before.
    assert page_cache.ESI_CSRF_INPUT not in get("/reception/status/").content


@pytest.mark.django_db
def test_an_editor_never_gets_a_cached_page_and_never_fills_the_cache(admin_user):
    warm("/clients/")
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get("/clients/")
    assert "X-Page-Cache" not in response
    cache.clear()
    editor.get("/clients/")  # the editor's page (with Wagtail's user bar) is not kept
    anonymous = get("/clients/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert b"wagtail-userbar" not in anonymous.content


@pytest.mark.django_db
def test_the_accessibility_preference_gets_its_own_copy():
    warm("/clients/")
    visitor = Client()
    visitor.cookies["a11y"] = "size-3.scheme-bw"
    first = get("/clients/", visitor)
    assert first["X-Page-Cache"] == "miss" and b"a11y-size-3" in first.content
    assert served_from_cache("/clients/", visitor)
    assert b"a11y-size-3" not in get("/clients/").content


@pytest.mark.django_db
def test_a_session_or_any_unknown_cookie_bypasses_the_cache():
    warm("/clients/")
    visitor = Client()
    visitor.cookies["sessionid"] = "something"
    assert "X-Page-Cache" not in get("/clients/", visitor)


@pytest.mark.django_db
def test_no_cached_page_carries_what_a_customer_sent(django_capture_on_commit_callbacks):
    from reception.tests.test_public import appeal_data

    customer = Client()
    get("/reception/", customer)
    with django_capture_on_commit_callbacks(execute=True):
        response = customer.post("/reception/", appeal_data(name="Уникальнова Мария"))
    assert response.status_code == 302
    confirmation = customer.get(response["Location"])
    assert "X-Page-Cache" not in confirmation and "no-store" in confirmation["Cache-Control"]
    for path in KEY_PAGES:
        assert "Уникальнова" not in get(path, customer).content.decode()
        assert "Уникальнова" not in get(path).content.decode()


@pytest.mark.django_db
def test_publishing_a_page_expires_every_page(django_capture_on_commit_callbacks):
    warm("/", "/clients/payment/")
    page = PaymentPage.objects.get(locale__language_code="ru")
    page.title = "Где оплатить счёт теперь"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = get("/clients/payment/")
    assert response["X-Page-Cache"] == "miss" and "Где оплатить счёт теперь" in response.text
    assert not served_from_cache("/")  # the header menu shows page titles


@pytest.mark.django_db
def test_a_record_expires_exactly_the_pages_that_show_it(django_capture_on_commit_callbacks):
    warm("/clients/payment/", "/clients/tariffs/", "/search/?q=тариф")
    with django_capture_on_commit_callbacks(execute=True):
        PaymentPointFactory(name="Касса на Садовой")
    assert "Касса на Садовой" in get("/clients/payment/").text
    assert served_from_cache("/clients/tariffs/")
    assert not served_from_cache("/search/?q=тариф")  # search results show every record

    warm("/clients/payment/")
    region = TariffRegion.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        TariffPeriodFactory(region=region, valid_from=datetime(2020, 1, 1).date())
    assert not served_from_cache("/clients/tariffs/")
    assert served_from_cache("/clients/payment/")


@pytest.mark.django_db
def test_the_address_directory_expires_the_alerts_form_a_street_link_fills_in(
    django_capture_on_commit_callbacks,
):
    """The address page links to the outage alerts' form with its street (`?street=`), which
    the form ticks when the directory holds it: a directory change (an import saves rows)
    expires the form's copies."""
    path = "/clients/outages/subscribe/?street=Черёмуховая улица"
    ticked = re.compile(r'<input[^>]*name="streets"[^>]*checked')
    warm(path)
    assert not ticked.search(get(path).text)
    with django_capture_on_commit_callbacks(execute=True):
        StreetFactory(name="Черёмуховая улица")
    assert ticked.search(get(path).text)


@pytest.mark.django_db
def test_a_published_translation_shows_in_the_language_links_at_once(
    django_capture_on_commit_callbacks,
):
    home = Site.objects.get(is_default_site=True).root_page
    with django_capture_on_commit_callbacks(execute=True):
        page = make_standard_page(home, "only-russian", "Только по-русски")
    assert "/en/only-russian/" not in get("/only-russian/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "In English too")
    assert (
        'hreflang="en" href="http://testserver/en/only-russian/"'
        in get("/only-russian/").content.decode()
    )


@pytest.mark.django_db
def test_site_settings_expire_every_page(django_capture_on_commit_callbacks):
    warm("/", "/clients/payment/")
    settings_row = SiteSettings.objects.first()
    settings_row.hotline_phone = "8 800 000-00-01"
    with django_capture_on_commit_callbacks(execute=True):
        settings_row.save()
    assert "8 800 000-00-01" in get("/").text
    assert "8 800 000-00-01" in get("/clients/payment/").text


@pytest.mark.django_db
def test_a_draft_changes_no_cached_page(django_capture_on_commit_callbacks):
    warm("/clients/payment/")
    page = PaymentPage.objects.get(locale__language_code="ru")
    page.title = "Черновик"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert served_from_cache("/clients/payment/")


@pytest.mark.django_db
def test_a_tariff_period_starting_tomorrow_appears_right_after_moscow_midnight(
    django_capture_on_commit_callbacks,
):
    region = TariffRegion.objects.first()
    params = f"?region={region.slug}&total=100"
    eve = datetime(2031, 3, 14, 23, 59, 30, tzinfo=MOSCOW)

    def current_section() -> tuple[str, str]:
        response = get("/clients/tariffs/" + params)
        html = response.text
        start, end = html.index('id="tariffs-current"'), html.index('id="tariff-calculator-title"')
        return response.get("X-Page-Cache", ""), html[start:end]

    with time_machine.travel(eve, tick=False) as traveller:
        with django_capture_on_commit_callbacks(execute=True):
            TariffPeriodFactory(
                region=region,
                valid_from=(eve + timedelta(days=1)).date(),
                prices={"all_day": Decimal("4.44")},
            )
        assert current_section()[0] == "miss"
        state, html = current_section()
        assert state == "hit" and "С 15 марта 2031 г." in html  # announced, not yet in force
        traveller.move_to(datetime(2031, 3, 15, 0, 0, 0, tzinfo=MOSCOW))
        state, html = current_section()
        assert state == "miss" and "15.03.2031" in html and "С 15 марта 2031 г." not in html


@pytest.mark.django_db
def test_a_search_cached_before_the_worker_indexed_a_publish_expires_once_it_has(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    from search.signals import index_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    page = PaymentPage.objects.get(locale__language_code="ru")
    page.title = "Кактусовая касса"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    def results(response) -> str:
        return response.text.partition('class="search-results"')[2]

    # The page tree's version is new, the index still old: this answer is stored without it.
    assert "Кактусовая касса" not in results(get("/search/?q=кактусовая касса"))
    assert served_from_cache("/search/?q=кактусовая касса")
    warm("/clients/tariffs/")
    [queued] = [r for r in default_task_backend.results if r.task.func is index_task.func]
    with django_capture_on_commit_callbacks(execute=True):
        index_task.call(*queued.args)  # as the worker runs it
    response = get("/search/?q=кактусовая касса")
    assert response["X-Page-Cache"] == "miss" and "Кактусовая касса" in results(response)
    assert served_from_cache("/clients/tariffs/")  # pages do not show the index


@pytest.mark.django_db
def test_a_cached_search_still_counts_in_the_report():
    get("/search/?q=тариф")
    assert served_from_cache("/search/?q=тариф")
    assert served_from_cache("/search/?q=тариф")
    write_counted_queries()  # every few seconds, or when the process stops
    assert QueryStat.objects.get(query="тариф").hits == 3


def test_a_burst_for_a_page_being_rendered_renders_it_once(settings, monkeypatch):
    """Eight requests arrive while the first is still rendering: one renders, the others get
    its copy."""
    monkeypatch.setattr(page_cache.expiry, "next_change", lambda page_type: None)
    renders = []

    def slow_view(request):
        renders.append(request.path)
        time.sleep(0.3)
        return HttpResponse("<p>rendered</p>")

    middleware = page_cache.PageCacheMiddleware(slow_view)
    answers = []

    def visit():
        request = RequestFactory().get("/burst/")
        answers.append(middleware(request))

    threads = [threading.Thread(target=visit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(renders) == 1
    assert [answer.content for answer in answers] == [b"<p>rendered</p>"] * 8
    assert sorted(answer["X-Page-Cache"] for answer in answers) == ["hit"] * 7 + ["miss"]


@pytest.mark.django_db
def test_the_wsgi_wrapper_answers_a_hit_with_each_header_once():
    from ruses.wsgi import application

    get("/clients/payment/")
    environ = RequestFactory().get("/clients/payment/").environ
    answer = {}
    body = application(environ, lambda status, headers: answer.update(status=status, h=headers))
    names = [name.lower() for name, _ in answer["h"]]
    assert answer["status"] == "200 OK" and len(names) == len(set(names))
    assert dict(answer["h"])["Content-Length"] == str(len(b"".join(body)))
    assert dict(answer["h"])["X-Page-Cache"] == "hit"


def test_a_forked_worker_never_uses_the_random_letters_its_parent_read():
    """The CSRF letters are read ahead (core.page_cache._random_letters): a worker forked
    after the parent read some must not mask its tokens with the same ones."""
    page_cache._random_letters(1)  # the parent holds letters read ahead now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.write(write, page_cache._random_letters(32).encode())
        os._exit(0)
    os.waitpid(pid, 0)
    child = os.read(read, 64).decode()
    assert len(child) == 32
    assert child != page_cache._random_letters(32)
