"""The front-end cache (deploy/varnish.vcl) is purged on every change the page cache knows of,
by the requests core/frontend_cache.py sends, here to a fake proxy that records them."""

import re
import threading
from collections import Counter
from contextlib import suppress
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.models import Page, Site

from addresses.tests.factories import LocalityFactory, StreetFactory
from core import content_version, frontend_cache
from core.content_version import KEY, record_version_name
from core.expiry import pages_showing
from disclosure.models import PaymentPoint
from search import indexer


class FakeProxy(BaseHTTPRequestHandler):
    received: list[tuple[str, str, str]]

    def _record(self) -> None:
        self.received.append((self.command, self.path, self.headers.get("X-Ban-Url", "")))
        self.send_response(200)
        self.end_headers()

    do_PURGE = do_BAN = _record

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def proxy(settings):
    """The requests the proxy received: (method, path, X-Ban-Url)."""
    received: list[tuple[str, str, str]] = []
    handler = type("Handler", (FakeProxy,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.ProxyBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}/",
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    with mock.patch("core.frontend_cache.enabled", return_value=True):
        yield received
    server.shutdown()
    server.server_close()


BAN_EVERYTHING = ("BAN", "/", frontend_cache.EVERYTHING)
BAN_NOT_PAGES = ("BAN", "/", frontend_cache.NOT_PAGES)


@pytest.mark.django_db
def test_a_published_page_bans_every_page(proxy, django_capture_on_commit_callbacks):
    page = Page.objects.get(url_path="/home/contacts/").specific
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()  # a draft changes nothing public
    assert proxy == []
    page.title = "Контакты и офисы"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    # Every page shows the menu and the tree: all of them go, in both languages; the searches
    # again once the page is indexed (here at once; by the worker in production).
    assert proxy == [BAN_EVERYTHING, BAN_NOT_PAGES]


@pytest.mark.django_db
def test_a_published_record_purges_the_pages_showing_it_in_both_languages(
    proxy, django_capture_on_commit_callbacks
):
    # A Russian record: the English page shows it too where it has no translation.
    point = PaymentPoint.objects.filter(live=True).sources().first()
    point.name = "Касса на Лесной"
    with django_capture_on_commit_callbacks(execute=True):
        point.save_revision().publish()
    pages = pages_showing(point)
    expected = {
        ("PURGE", page.url + path.lstrip("/"), "")
        for page in pages
        for path in page.specific.get_cached_paths()
    }
    assert {page.url for page in pages} == {"/clients/payment/", "/en/clients/payment/"}
    assert ("BAN", "/", frontend_cache.NOT_PAGES) in proxy
    assert set(proxy) - {("BAN", "/", frontend_cache.NOT_PAGES)} == expected
    assert BAN_EVERYTHING not in proxy


@pytest.fixture
def renewed(monkeypatch) -> list[tuple[str, ...]]:
    """The versions renewed, in order (core/content_version.py)."""
    names: list[tuple[str, ...]] = []
    renew = content_version._renew

    def spy(renewing: tuple[str, ...]) -> None:
        names.append(renewing)
        renew(renewing)

    monkeypatch.setattr(content_version, "_renew", spy)
    return names


@pytest.mark.django_db
def test_an_import_of_many_rows_renews_purges_and_bans_once(
    proxy, renewed, django_capture_on_commit_callbacks
):
    """An import saves its rows in one transaction (addresses/importer.py): what they expire
    is renewed, purged and banned once when it commits, not once a row."""
    locality = LocalityFactory(name="Подольск")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(30):
            StreetFactory(locality=locality, name=f"{number}-я Парковая улица")
    assert renewed == [(KEY, record_version_name("addresses.Street"))]
    assert proxy.count(BAN_NOT_PAGES) == 1
    purged = [path for method, path, _ in proxy if method == "PURGE"]
    assert "/clients/outages/" in purged and len(purged) == len(set(purged))


@pytest.mark.django_db
def test_a_change_rolled_back_with_its_savepoint_leaves_the_next_one_its_purge(
    proxy, renewed, django_capture_on_commit_callbacks
):
    locality = LocalityFactory(name="Подольск")
    with django_capture_on_commit_callbacks(execute=True):
        with suppress(IntegrityError), transaction.atomic():
            StreetFactory(locality=locality, name="Садовая улица")
            raise IntegrityError
        StreetFactory(locality=locality, name="Лесная улица")
    assert renewed == [(KEY, record_version_name("addresses.Street"))]
    assert proxy.count(BAN_NOT_PAGES) == 1
    assert "/clients/outages/" in [path for _, path, _ in proxy]


@pytest.mark.django_db
def test_a_record_every_page_shows_bans_everything(proxy, django_capture_on_commit_callbacks):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "РУСЭНЕРГОСБЫТ"
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert proxy == [BAN_EVERYTHING]


@pytest.mark.django_db
def test_a_change_of_the_search_index_bans_the_searches(proxy, django_capture_on_commit_callbacks):
    """The worker indexes a publish after the page tree's ban: searches the proxy stored in
    between are dropped once the index holds the change (search/indexer.py)."""
    page = Page.objects.get(url_path="/home/contacts/").specific
    with django_capture_on_commit_callbacks(execute=True):
        indexer.index_object(page)
    assert proxy == [BAN_NOT_PAGES]
    assert re.match(frontend_cache.NOT_PAGES, "/en/search/?q=tariff")


@pytest.mark.django_db
def test_a_proxy_that_is_down_costs_the_publish_nothing(
    proxy, settings, django_capture_on_commit_callbacks, caplog
):
    settings.WAGTAILFRONTENDCACHE["proxy"]["LOCATION"] = "http://127.0.0.1:1/"  # refused
    point = PaymentPoint.objects.filter(live=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        point.save_revision().publish()
    assert PaymentPoint.objects.get(pk=point.pk).latest_revision_id == point.latest_revision_id
    assert "Front-end cache purge failed" in caplog.text


def test_a_failed_purge_is_retried_as_a_later_ban(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = frontend_cache.ProxyBackend({"LOCATION": "http://127.0.0.1:1/"})
    backend.purge_batch(["http://localhost/clients/payment/"])
    [retry] = default_task_backend.results
    assert retry.task.func is frontend_cache.ban_task.func
    assert retry.args == [frontend_cache.EVERYTHING, 1]
    assert retry.task.run_after > timezone.now()


@pytest.mark.django_db
def test_each_purge_goes_out_at_commit_and_again_after_a_render_in_flight(
    proxy, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    point = PaymentPoint.objects.filter(live=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        point.save_revision().publish()
    # Sent by the publishing process, no worker involved...
    assert ("BAN", "/", frontend_cache.NOT_PAGES) in proxy
    assert any(path.endswith("/clients/payment/") for method, path, _ in proxy if method == "PURGE")
    # ...and queued for the worker to send again later (besides the ban at the next clock
    # boundary), as is the ban of the views that are not pages once the point is indexed;
    # nothing is left for the worker to send at once.
    again = Counter(
        (r.task.name, r.task.run_after is not None)
        for r in default_task_backend.results
        if r.task.name in ("ban_task", "purge_urls_from_cache_task")
        and r.args != [frontend_cache.EVERYTHING]
    )
    assert again[("purge_urls_from_cache_task", True)] == 2
    assert again[("ban_task", True)] >= 2
    assert not again[("purge_urls_from_cache_task", False)] + again[("ban_task", False)]


@pytest.mark.django_db
def test_a_proxy_that_hangs_costs_the_editor_a_short_timeout_and_the_worker_bans_later(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    timeouts = []

    def hang(request, timeout):
        timeouts.append(timeout)
        raise TimeoutError("timed out")

    with (
        mock.patch("core.frontend_cache.enabled", return_value=True),
        mock.patch(
            "core.frontend_cache._proxies",
            return_value=[frontend_cache.ProxyBackend({"LOCATION": "http://127.0.0.1:1/"})],
        ),
        mock.patch("core.frontend_cache.urlopen", hang),
        django_capture_on_commit_callbacks(execute=True),
    ):
        frontend_cache.ban_after_commit(frontend_cache.EVERYTHING)
    assert timeouts == [frontend_cache.INLINE_TIMEOUT]
    retry = [r for r in default_task_backend.results if r.args == [frontend_cache.EVERYTHING, 1]]
    assert len(retry) == 1 and retry[0].task.run_after > timezone.now()
    with (
        mock.patch("core.frontend_cache.urlopen", hang),
        pytest.raises(frontend_cache.ProxyUnreachable),
    ):
        frontend_cache.ProxyBackend({"LOCATION": "http://127.0.0.1:1/"}).ban(".")
    assert timeouts[-1] == frontend_cache.TIMEOUT  # the worker waits longer


@pytest.mark.django_db
def test_a_purge_that_fails_unexpectedly_here_is_left_to_the_worker(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with (
        mock.patch("core.frontend_cache.enabled", return_value=True),
        mock.patch("core.frontend_cache._proxies", side_effect=RuntimeError("broken")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        frontend_cache.ban_after_commit(frontend_cache.EVERYTHING)
    now = [r for r in default_task_backend.results if r.task.run_after is None]
    assert [(r.task.name, r.args) for r in now] == [("ban_task", [frontend_cache.EVERYTHING])]


@pytest.mark.django_db
def test_each_ban_queues_one_for_the_next_clock_boundary(proxy, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    frontend_cache.ban_task.call(frontend_cache.EVERYTHING)
    frontend_cache.ban_task.call(frontend_cache.EVERYTHING)  # the same boundary: queued once
    assert proxy == [BAN_EVERYTHING, BAN_EVERYTHING]
    [clock] = default_task_backend.results
    assert clock.args == [frontend_cache.EVERYTHING]
    boundary = frontend_cache.next_boundary()
    assert clock.task.run_after == boundary
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    assert timezone.now() < boundary <= midnight + timedelta(days=1)
