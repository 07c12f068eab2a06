"""`/health/` for load balancers and the topology: 200 while the database answers, 503 when it
does not. The cache is checked and reported too, but a cache outage does not fail the check:
the site degrades without Redis (core/cache.py), so taking every app server out of rotation
for it would turn a slower site into no site."""

import logging
from uuid import uuid4

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Health check: the database does not answer: %s", error)
        return False


def cache_ok() -> bool:
    """A value written can be read back (a stopped Redis reads as a miss, core/cache.py)."""
    key, value = f"health:{uuid4().hex}", uuid4().hex
    cache.set(key, value, timeout=10)
    found = cache.get(key)
    cache.delete(key)
    return found == value


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    database, shared_cache = database_ok(), cache_ok()
    return JsonResponse(
        {"database": "ok" if database else "down", "cache": "ok" if shared_cache else "down"},
        status=200 if database else 503,
    )
