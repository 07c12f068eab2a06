import logging

import pytest
from django.core.cache.backends.redis import RedisCache

from core.cache import DegradingRedisCache, DegradingRedisClient, FileCache

STOPPED_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1: connection refused
LIVE_REDIS = "redis://127.0.0.1:6379/15"


@pytest.fixture(autouse=True)
def redis_not_known_down():
    DegradingRedisClient.down_until = 0.0
    yield
    DegradingRedisClient.down_until = 0.0


def degrading(location: str) -> DegradingRedisCache:
    return DegradingRedisCache(location, {"OPTIONS": {"socket_connect_timeout": 0.25}})


def test_a_stopped_redis_reads_as_misses_and_skips_writes(caplog):
    cache = degrading(STOPPED_REDIS)
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        assert cache.get("menu", "fallback") == "fallback"
        cache.set("menu", "value")
        assert cache.add("key", 0) is False
        assert cache.incr("ratelimit", 1) == 1  # a counter starts afresh: the limit fails open
        assert cache.get_many(["a", "b"]) == {}
        assert cache.delete("menu") is False
    # One warning when Redis is found down, not one per call.
    assert [r.getMessage() for r in caplog.records].count(caplog.records[0].getMessage()) == 1
    assert "Redis unavailable" in caplog.records[0].getMessage()


def test_the_plain_backend_would_have_raised():
    """What the degrading backend protects against: Django's own Redis cache raises."""
    from redis.exceptions import ConnectionError

    with pytest.raises(ConnectionError):
        RedisCache(STOPPED_REDIS, {}).get("menu")


def test_a_live_redis_works_as_a_cache():
    cache = degrading(LIVE_REDIS)
    try:
        cache.set("answer", {"value": 42})
        assert cache.get("answer") == {"value": 42}
        assert cache.add("counter", 0) is True
        assert cache.incr("counter") == 1
    finally:
        cache.clear()


def test_the_file_cache_looks_at_its_size_once_in_a_hundred_writes_and_stays_bounded(
    tmp_path, monkeypatch
):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 300}})
    listings = []
    list_files = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or list_files())
    for number in range(1000):
        cache.set(f"page-{number}", "<html>")
    assert len(listings) == 10
    assert len(list(tmp_path.glob("*.djcache"))) <= 300 + FileCache.CHECK_EVERY
    assert cache.get("page-999") == "<html>"
