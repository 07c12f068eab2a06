"""Lists of records that a page shows without importing the app that keeps them: the home
page's blocks show the planned outages of the next days (disclosure), the announced tariff
changes (tariffs) or the latest announcements. The app registers a feed in
`AppConfig.ready()`:

    register(Feed("outages-soon", _("Planned outages of the next days"),
                  "disclosure/feeds/outages_soon.html", outages_soon))

where `outages_soon(limit)` returns the template's context in the active language. An editor
chooses the feed by name in a block (`choices()`); `context()` caches what it returns under the
content version (core/content_version.py) and the Moscow day, and until the feed's own
`next_change()` when it follows the clock (the same moment its app registers with
`expiry.register_clock` for the pages that show it)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from .content_version import FRAGMENT_TIMEOUT, content_version


@dataclass(frozen=True)
class Feed:
    name: str
    label: Any  # a lazy translation
    template: str
    context: Callable[[int], dict]
    next_change: Callable[[], datetime | None] | None = None


_feeds: dict[str, Feed] = {}


def register(feed: Feed) -> None:
    _feeds[feed.name] = feed


def choices() -> list[tuple[str, str]]:
    """For a block's choice of feed (a callable, so that migrations do not freeze the list)."""
    return [(feed.name, feed.label) for feed in _feeds.values()]


def get(name: str) -> Feed | None:
    return _feeds.get(name)


def context(feed: Feed, limit: int) -> dict:
    today = timezone.localdate().isoformat()
    key = f"feed:{feed.name}:{limit}:{get_language()}:{today}:{content_version()}"
    data = cache.get(key)
    if data is None:
        data = feed.context(limit)
        timeout = FRAGMENT_TIMEOUT
        change = feed.next_change() if feed.next_change else None
        if change is not None:
            timeout = max(1, min(timeout, int((change - timezone.now()).total_seconds()) + 1))
        cache.set(key, data, timeout=timeout)
    return data
