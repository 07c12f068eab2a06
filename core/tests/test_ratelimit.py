from django.core.cache import cache
from django.test import RequestFactory, override_settings

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


@override_settings(RATELIMIT_TRUST_X_FORWARDED_FOR=True)
def test_behind_a_trusted_proxy_the_forwarded_address_counts():
    assert client_address(request_from("127.0.0.1", "203.0.113.5, 127.0.0.1")) == "203.0.113.5"


def test_forwarded_header_is_ignored_unless_trusted():
    assert client_address(request_from("198.51.100.1", "203.0.113.5")) == "198.51.100.1"
