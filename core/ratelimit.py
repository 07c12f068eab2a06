"""A per-client rate limit on the shared cache (Redis at scale), for the public forms. While
Redis is down the counters move to the database: a limit against guessing must not open with
an outage.

With the file cache (the workers of one machine, no Redis) the counters are files of their
own beside it (`_count_in_files`): the file cache's incr reads and rewrites a file, so two
workers counting at once lose one of the counts, and every write lists the whole cache."""

import hashlib
import os
import shutil
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from .cache import cache_is_down
from .models import RateLimitCount


def client_address(request: HttpRequest) -> str:
    """The client's IP address. Behind `TRUSTED_PROXY_COUNT` reverse proxies it is the address
    the outermost of them saw: each proxy appends the address it received the request from to
    X-Forwarded-For, so only the last that many entries are ours; anything to their left was
    sent by the client and may be forged."""
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
    forwarded = [hop for hop in forwarded if hop]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote


def allow(
    scope: str, request: HttpRequest, limit: int, window_seconds: int, subject: str = ""
) -> bool:
    """Counts one attempt in this scope, by this client or, given a `subject` (such as the
    appeal number a lookup names), on that subject from any client; False once it passes
    `limit` within the current window. Both are hashed: an IP address is personal data."""
    counted = subject or client_address(request)
    digest = hashlib.sha256(counted.encode()).hexdigest()[:32]
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{digest}:{window}"
    count = None
    backend = caches["default"]
    if isinstance(backend, FileBasedCache):
        count = _count_in_files(Path(backend._dir) / "ratelimit", key, window_seconds, window)
    elif not cache_is_down():
        count = _count_in_cache(key, window_seconds)
    if count is None or cache_is_down():  # down before, or found down by this very call
        count = _count_in_database(key, window_seconds)
    return count <= limit


def _count_in_files(directory: Path, key: str, window_seconds: int, window: int) -> int | None:
    """One byte appended to the key's file per attempt: an append (O_APPEND) is atomic across
    processes, and the offset it leaves is this attempt's count. A window's files share a
    folder, removed once a later window has begun. None when the disk fails."""
    folder = directory / f"{window_seconds}s-{window}"
    path = folder / key.replace(":", "-")
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    try:
        try:
            descriptor = os.open(path, flags, 0o600)
        except FileNotFoundError:  # the window's first attempt
            folder.mkdir(parents=True, exist_ok=True)
            for older in directory.glob(f"{window_seconds}s-*"):
                if older.name != folder.name:
                    shutil.rmtree(older, ignore_errors=True)
            descriptor = os.open(path, flags, 0o600)
        try:
            os.write(descriptor, b".")
            return os.lseek(descriptor, 0, os.SEEK_CUR)
        finally:
            os.close(descriptor)
    except OSError:
        return None


def _count_in_cache(key: str, window_seconds: int) -> int:
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        return 1


@transaction.atomic
def _count_in_database(key: str, window_seconds: int) -> int:
    now = timezone.now()
    RateLimitCount.objects.filter(expires_at__lt=now).delete()
    expires = now + timedelta(seconds=window_seconds)
    RateLimitCount.objects.get_or_create(key=key, defaults={"expires_at": expires})
    RateLimitCount.objects.filter(key=key).update(count=F("count") + 1)
    return RateLimitCount.objects.get(key=key).count
