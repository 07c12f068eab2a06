import logging

import pytest
from django.core.cache.backends.redis import RedisCache

from core.cache import DegradingRedisCache, DegradingRedisClient

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
