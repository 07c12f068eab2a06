import multiprocessing
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.utils import timezone

from core.models import RateLimitCount
from core.ratelimit import allow, client_address


def request_from(address: str, forwarded: str = ""):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/reception/", REMOTE_ADDR=address, **headers)


def test_a_client_is_stopped_after_the_limit_and_others_are_not():
    cache.clear()
    first = request_from("10.0.0.1")
    assert [allow("appeal", first, limit=3, window_seconds=60) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert allow("appeal", request_from("10.0.0.2"), limit=3, window_seconds=60)
    assert allow("status", first, limit=3, window_seconds=60)  # scopes count apart


def test_the_address_is_not_stored_in_clear():
    cache.clear()
    allow("appeal", request_from("192.0.2.7"), limit=3, window_seconds=60)
    assert not any("192.0.2.7" in key for key in cache._cache)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_saw_counts_and_a_forged_header_does_not():
    assert client_address(request_from("127.0.0.1", "203.0.113.5")) == "203.0.113.5"
    # The client wrote "1.2.3.4" itself; the proxy appended the address it really came from.
    assert client_address(request_from("127.0.0.1", "1.2.3.4, 203.0.113.5")) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_outer_ones_view_counts():
    forged_then_real = "1.2.3.4, 203.0.113.5, 10.0.0.2"  # the inner proxy added 10.0.0.2
    assert client_address(request_from("10.0.0.3", forged_then_real)) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_spoofed_forwarded_addresses_cannot_escape_the_limit():
    cache.clear()
    answers = [
        allow("status", request_from("127.0.0.1", f"198.51.100.{n}, 203.0.113.5"), 5, 60)
        for n in range(60)
    ]
    assert answers.count(True) == 5


def test_forwarded_header_is_ignored_without_proxies():
    assert client_address(request_from("198.51.100.1", "203.0.113.5")) == "198.51.100.1"


@pytest.mark.django_db
def test_the_limit_holds_while_redis_is_down(redis_stopped):
    """Guessing an appeal's contact must not become unlimited in an outage: the counters move
    to the database, still hashed."""
    guesser = request_from("198.51.100.9")
    answers = [allow("status", guesser, limit=3, window_seconds=60) for _ in range(5)]
    assert answers == [True, True, True, False, False]
    assert allow("status", request_from("198.51.100.10"), limit=3, window_seconds=60)
    assert RateLimitCount.objects.count() == 2  # one counter per client, in the database
    assert not RateLimitCount.objects.filter(key__contains="198.51.100").exists()


@pytest.mark.django_db
def test_expired_database_counters_are_removed(redis_stopped):
    allow("status", request_from("198.51.100.9"), limit=3, window_seconds=60)
    RateLimitCount.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    allow("status", request_from("198.51.100.11"), limit=3, window_seconds=60)
    assert RateLimitCount.objects.count() == 1


@pytest.fixture
def file_cache(settings, tmp_path):
    """The embedded default of `make serve`: the workers of one machine share a file cache."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FileCache",
            "LOCATION": str(tmp_path),
        }
    }
    return tmp_path


def _allowed_in_child(attempts: int) -> int:
    return sum(allow("appeal", request_from("10.0.0.1"), 60, 3600) for _ in range(attempts))


def test_workers_counting_at_once_on_the_file_cache_lose_no_attempt(file_cache):
    """Four processes, 25 attempts each, against a limit of 60: exactly 60 pass."""
    with multiprocessing.get_context("fork").Pool(4) as pool:
        allowed = pool.map(_allowed_in_child, [25] * 4)
    assert sum(allowed) == 60
    assert not allow("appeal", request_from("10.0.0.1"), 60, 3600)
    assert allow("appeal", request_from("10.0.0.2"), 60, 3600)
    assert not any("10.0.0.1" in path.name for path in file_cache.rglob("*"))  # hashed


def test_a_new_window_on_the_file_cache_removes_the_old_ones(file_cache):
    with time_machine.travel(1_800_000_000, tick=False):
        assert [allow("status", request_from("10.0.0.1"), 2, 60) for _ in range(3)] == [
            True,
            True,
            False,
        ]
        assert len(list((file_cache / "ratelimit").iterdir())) == 1
    with time_machine.travel(1_800_000_060, tick=False):
        assert allow("status", request_from("10.0.0.1"), 2, 60)  # counted afresh
        assert [path.name for path in (file_cache / "ratelimit").iterdir()] == ["60s-30000001"]


@pytest.mark.django_db
def test_the_limit_holds_when_the_file_cache_cannot_be_written(file_cache):
    (file_cache / "ratelimit").write_text("not a folder")
    answers = [allow("status", request_from("198.51.100.9"), 2, 60) for _ in range(3)]
    assert answers == [True, True, False]
    assert RateLimitCount.objects.count() == 1
