"""Lists of records that a page shows without importing the app that keeps them: the home
page's blocks show the planned outages of the next days (disclosure), the announced tariff
changes (tariffs) or the latest announcements. The app registers a feed in
`AppConfig.ready()`:

    register(Feed("outages-soon", _("Planned outages of the next days"),
                  "disclosure/feeds/outages_soon.html", outages_soon))

where `outages_soon(limit)` returns the template's context in the active language. An editor
chooses the feed by name in a block (`choices()`); `context()` caches what it returns under the
content version (core/content_version.py) and the Moscow hour, since such lists follow the
clock as well as publishing."""

from collections.abc import Callable
from dataclasses import dataclass
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


_feeds: dict[str, Feed] = {}


def register(feed: Feed) -> None:
    _feeds[feed.name] = feed


def choices() -> list[tuple[str, str]]:
    """For a block's choice of feed (a callable, so that migrations do not freeze the list)."""
    return [(feed.name, feed.label) for feed in _feeds.values()]


def get(name: str) -> Feed | None:
    return _feeds.get(name)


def context(feed: Feed, limit: int) -> dict:
    hour = timezone.localtime().strftime("%Y-%m-%dT%H")
    key = f"feed:{feed.name}:{limit}:{get_language()}:{hour}:{content_version()}"
    data = cache.get(key)
    if data is None:
        data = feed.context(limit)
        cache.set(key, data, timeout=FRAGMENT_TIMEOUT)
    return data
