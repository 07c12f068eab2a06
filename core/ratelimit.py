"""A per-client rate limit on the shared cache (Redis at scale), for the public forms."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address; behind a trusted reverse proxy, the one it forwarded."""
    if settings.RATELIMIT_TRUST_X_FORWARDED_FOR:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def allow(scope: str, request: HttpRequest, limit: int, window_seconds: int) -> bool:
    """Counts one attempt of this client in this scope; False once it passes `limit` within
    the current window. The address is hashed: an IP address is personal data."""
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{address}:{window}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
