"""A per-client rate limit on the shared cache (Redis at scale), for the public forms. While
Redis is down the counters move to the database: a limit against guessing must not open with
an outage."""

import hashlib
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
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
    if not cache_is_down():
        count = _count_in_cache(key, window_seconds)
    if cache_is_down():  # down before, or found down by this very call
        count = _count_in_database(key, window_seconds)
    return count <= limit


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
