"""The shared cache's backends.

A Redis cache that degrades instead of failing: when Redis is stopped or unreachable, every
read is a miss and every write is skipped, so pages render from the database and forms still
accept submissions. After a failure Redis is left alone for a few seconds, so that a request
does not wait on one timeout per cache call.

A file cache (the workers of one machine without Redis) whose writes do not grow slower with
the number of entries."""

import itertools
import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

# How long to skip Redis after a failure before trying it again.
RETRY_AFTER_SECONDS = 5.0


def _degrading(fallback: Callable[..., Any]) -> Callable:
    """Runs the Redis operation unless Redis failed within the last few seconds; on failure
    answers `fallback(*args)` as if the cache were empty."""

    def decorate(operation: Callable) -> Callable:
        @wraps(operation)
        def guarded(self: "DegradingRedisClient", *args: Any) -> Any:
            if time.monotonic() < DegradingRedisClient.down_until:
                return fallback(*args)
            try:
                return operation(self, *args)
            except (ConnectionError, TimeoutError) as error:
                DegradingRedisClient.down_until = time.monotonic() + RETRY_AFTER_SECONDS
                logger.warning("Redis unavailable, serving without the cache: %s", error)
                return fallback(*args)

        return guarded

    return decorate


class DegradingRedisClient(RedisCacheClient):
    down_until = 0.0  # per process: shared by every connection of this worker

    add = _degrading(lambda key, value, timeout: False)(RedisCacheClient.add)
    get = _degrading(lambda key, default: default)(RedisCacheClient.get)
    set = _degrading(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = _degrading(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = _degrading(lambda key: False)(RedisCacheClient.delete)
    get_many = _degrading(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _degrading(lambda key: False)(RedisCacheClient.has_key)
    # A counter that cannot be read starts afresh (core/ratelimit.py then counts in the database).
    incr = _degrading(lambda key, delta: delta)(RedisCacheClient.incr)
    set_many = _degrading(lambda data, timeout: [])(RedisCacheClient.set_many)
    delete_many = _degrading(lambda keys: None)(RedisCacheClient.delete_many)
    clear = _degrading(lambda: False)(RedisCacheClient.clear)


class DegradingRedisCache(RedisCache):
    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = DegradingRedisClient


def cache_is_down() -> bool:
    """Whether this process is serving without Redis (a recent call to it failed)."""
    return time.monotonic() < DegradingRedisClient.down_until


class FileCache(FileBasedCache):
    """Django's file cache lists its whole directory on every write to see whether it holds
    more than MAX_ENTRIES: 21 ms of CPU a write at 19,000 entries, and every page and fragment
    the caches keep is a write. Here one write in CHECK_EVERY of a process looks, so the cache
    may pass its bound by that many entries a process before it is culled."""

    CHECK_EVERY = 100

    def __init__(self, dir: str, params: dict) -> None:
        super().__init__(dir, params)
        self._writes = itertools.count()  # next() is atomic under the GIL: no lock

    def _cull(self) -> None:
        if next(self._writes) % self.CHECK_EVERY == 0:
            super()._cull()
