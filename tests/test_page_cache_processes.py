"""Two server processes sharing the page cache, in Redis (several machines) and in files (the
workers of `make serve` without Redis): a copy one of them stored is served by the other, and a
publish is visible at the next anonymous GET on either, though each answers its hits from its
own memory. Redis: database 1 (`PAGE_CACHE_TEST_REDIS_URL` names another), emptied; skipped
without Redis."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import redis
from django.db import connection
from wagtail.models import Site

from home.models import SiteSettings
from home.tests.factories import make_home_page, make_standard_page

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
HOST = "www.example.ru"


def free_ports(count: int) -> tuple[int, ...]:
    """Ports nobody listens on now, picked by the system (bound together, so all differ): runs
    in parallel never collide."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return tuple(probe.getsockname()[1] for probe in probes)
    finally:
        for probe in probes:
            probe.close()


def redis_is_up() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def get(port: int, path: str) -> tuple[str, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("X-Page-Cache", ""), response.read().decode()


@pytest.fixture(
    params=[
        pytest.param(
            "redis",
            marks=pytest.mark.skipif(not redis_is_up(), reason=f"no Redis at {REDIS_URL}"),
        ),
        "files",
    ]
)
def servers(request, settings, tmp_path):
    settings.PAGE_CACHE = True
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ruses.settings.dev",
        "DEBUG": "false",
        "PAGE_CACHE": "on",
        "DATABASE_URL": database_url(),
    }
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "core.cache.DegradingRedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": "ruses",
            }
        }
        redis.Redis.from_url(REDIS_URL).flushdb()
        env["REDIS_URL"] = REDIS_URL
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "core.cache.FileCache",
                "LOCATION": str(tmp_path),
            }
        }
        env.pop("REDIS_URL", None)
        env["CACHE_DIR"] = str(tmp_path)
    ports = free_ports(2)
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 60
        for port in ports:
            while True:
                try:
                    get(port, "/robots.txt")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait()
        if request.param == "redis":
            redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.mark.django_db(transaction=True)
def test_a_publish_is_visible_at_the_next_get_on_another_process(servers):
    first, second = servers
    # The demo's home page when an earlier test loaded it, else one of our own.
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page if site else make_home_page()
    page = make_standard_page(home, "cache-test", "Заголовок до публикации")
    # Created at its first use, the site settings would renew every page's version meanwhile.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))

    assert get(first, "/cache-test/")[0] == "miss"
    state, html = get(second, "/cache-test/")
    assert state == "hit" and "Заголовок до публикации" in html  # the first one's copy

    page.title = "Заголовок после публикации"
    page.save_revision().publish()  # commits: the versions in Redis are renewed

    state, html = get(second, "/cache-test/")
    assert state == "miss" and "Заголовок после публикации" in html
    state, html = get(first, "/cache-test/")
    assert state == "hit" and "Заголовок после публикации" in html

    assert get(second, "/cache-test/")[0] == "hit"

    page.title = "Заголовок второй публикации"
    page.save_revision().publish()  # both hold the copy in their own memory: both must see it
    for port in (first, second):
        state, html = get(port, "/cache-test/")
        assert "Заголовок второй публикации" in html, port
