"""Purging the caching reverse proxy in front of the app servers (deploy/varnish.vcl) through
`wagtail.contrib.frontend_cache`, installed when FRONTEND_CACHE_PURGE_URL is set.

What is purged mirrors the page cache (core/page_cache.py, core/expiry.py): a change of the
page tree (publish, unpublish, move, delete, a view restriction) renews the version every page
depends on, so the proxy bans everything; a record expires the pages that show it (Wagtail's
PURGE of each of their URLs, both languages being pages of their own) and the views that are
not pages (API, sitemap, address directory), which depend on every record. Records every page
shows ban everything.

Every request is sent as soon as the change commits, by the process that made it (a worker
busy with another task would keep visitors waiting for the new page), and again by the task
worker after each of REPEAT_AFTER: a page rendered from the old content before the change
committed and stored by the proxy after the first purge is dropped then. A proxy that does not
answer costs the editor at most INLINE_TIMEOUT: the purge is replaced by a ban of everything,
queued for the worker and retried with a growing delay while the task backend can defer tasks (a
proxy that restarted holds nothing; one that was unreachable is cleaned then). Until then it
serves a copy at most PAGE_CACHE_SHARED_MAX_AGE seconds old.

What the clock changes (core/expiry.py's boundaries: "open now", outages, Moscow midnight)
expires in the page cache by itself; the proxy is banned then, by a ban the worker queues for
the next boundary after each ban it sends (`schedule_clock_ban`; `make topology` queues the
first)."""

from __future__ import annotations

import logging
from contextvars import ContextVar
from datetime import datetime, timedelta
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.apps import apps
from django.core.cache import cache
from django.utils import timezone
from django_tasks import default_task_backend, task
from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import HTTPBackend

from . import on_commit

logger = logging.getLogger(__name__)

TIMEOUT = (
    3  # seconds a purge or ban from the worker may take before the proxy counts as unreachable
)
INLINE_TIMEOUT = 0.5  # the same in the editor's request (the proxy answers in milliseconds)
MAX_ATTEMPTS = 6  # ban retries, 1, 2, 4, 8, 16 s apart
# Ahead of indexing and e-mail in the worker's queue: visitors wait for a purge.
PRIORITY = 50
# A clock that answers "now" again and again costs at most a ban this often.
MIN_CLOCK_STEP = timedelta(seconds=10)
# A render in flight usually ends within the first; the page cache lets a burst wait 2 s for one.
REPEAT_AFTER = (timedelta(seconds=1), timedelta(seconds=3))
EVERYTHING = "."
# The views that are not pages (ruses/urls.py): they show every kind of record.
NOT_PAGES = r"^/(api/|sitemap\.xml|robots\.txt|(en/)?(address|search)/)"


_timeout: ContextVar[float] = ContextVar("frontend_cache_timeout", default=TIMEOUT)


class ProxyUnreachable(Exception):
    pass


class ProxyBackend(HTTPBackend):
    """Wagtail's PURGE of one URL with a timeout, and BAN of every URL matching a regular
    expression (the proxy's `X-Ban-Url`). A batch that fails is replaced by a ban."""

    def _send(self, method: str, path: str, host: str, headers: dict[str, str]) -> None:
        request = Request(
            urlunsplit([self.cache_scheme, self.cache_netloc, path, "", ""]),
            method=method,
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}", **headers},
        )
        try:
            with urlopen(request, timeout=_timeout.get()) as response:
                response.read()
        except (URLError, OSError) as error:  # HTTPError (a refusal) is a URLError
            raise ProxyUnreachable(f"{method} {path}: {error}") from error

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self._send("PURGE", path, parts.netloc, {})

    def purge_batch(self, urls) -> None:
        try:
            for url in urls:
                self.purge(url)
        except ProxyUnreachable as error:
            logger.warning("Front-end cache purge failed, banning everything later: %s", error)
            schedule_ban(EVERYTHING, attempt=1)

    def ban(self, pattern: str) -> None:
        self._send("BAN", "/", self.cache_netloc, {"X-Ban-Url": pattern})


def _proxies() -> list[ProxyBackend]:
    from wagtail.contrib.frontend_cache.utils import get_backends

    return [b for b in get_backends().values() if isinstance(b, ProxyBackend)]


def enabled() -> bool:
    return apps.is_installed("wagtail.contrib.frontend_cache")


@task(priority=PRIORITY)
def ban_task(pattern: str, attempt: int = 0) -> None:
    for proxy in _proxies():
        try:
            proxy.ban(pattern)
        except ProxyUnreachable as error:
            logger.warning("Front-end cache ban failed (attempt %s): %s", attempt + 1, error)
            schedule_ban(EVERYTHING, attempt + 1)
            return
    schedule_clock_ban()


def next_boundary() -> datetime:
    """The next moment a page changes by the clock alone (at the latest, Moscow midnight)."""
    from .expiry import next_change

    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    moment = min(m for m in (next_change(None), midnight) if m is not None)
    return max(moment, now + MIN_CLOCK_STEP)


def schedule_clock_ban() -> None:
    """Queues a ban of everything at the next clock boundary, once however often it is asked."""
    if not enabled() or not default_task_backend.supports_defer:
        return
    moment = next_boundary()
    wait = int((moment - timezone.now()).total_seconds())
    if cache.add(f"frontend-clock-ban:{moment.timestamp():.0f}", 1, timeout=wait + 60):
        ban_task.using(priority=PRIORITY, run_after=moment).enqueue(EVERYTHING)


def schedule_ban(pattern: str, attempt: int) -> None:
    """Retries a ban `attempt` times failed, later, where the task backend can defer."""
    if attempt >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
        logger.error("Front-end cache not purged; it may be stale until its copies expire")
        return
    delay = timedelta(seconds=2 ** (attempt - 1))
    ban_task.using(run_after=timezone.now() + delay).enqueue(pattern, attempt)


def _send_now_and_later(task_, *args) -> None:
    """Runs the task here and now, and queues it again after each of REPEAT_AFTER where the
    task backend can defer. A proxy that fails is handled by the task (a ban queued for later);
    anything else leaves the task to the worker: the change has committed, its purge must go."""
    token = _timeout.set(INLINE_TIMEOUT)
    try:
        task_.call(*args)
    except Exception:
        logger.exception("Front-end cache purge failed here; queued for the worker")
        task_.using(priority=PRIORITY).enqueue(*args)
    finally:
        _timeout.reset(token)
    if default_task_backend.supports_defer:
        for delay in REPEAT_AFTER:
            task_.using(priority=PRIORITY, run_after=timezone.now() + delay).enqueue(*args)


def ban_after_commit(pattern: str) -> None:
    if enabled():
        on_commit.once(("ban", pattern), lambda: _send_now_and_later(ban_task, pattern))


def ban_everything(**kwargs) -> None:
    """A signal receiver for changes of the page tree."""
    ban_after_commit(EVERYTHING)


def purge_pages(pages) -> None:
    """The pages that show a changed record, and the views that are not pages."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)
    if batch.urls:
        _send_now_and_later(purge_urls_from_cache_task, sorted(batch.urls))
    _send_now_and_later(ban_task, NOT_PAGES)
