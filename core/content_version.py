"""Versions of what the public site shows, kept in the shared cache (Redis at scale): what is
cached under one is replaced on every app server the moment it changes.

- The content version: renewed by any change (a page published, unpublished, moved or deleted,
  its view restrictions, a record of core/expiry.py saved); fragments (the header menu, the
  published tariffs) are cached under it.
- The page-tree version (`PAGES`): renewed by changes to pages themselves and by records that
  every page shows (site settings); the page cache (core/page_cache.py) keys every page on it.
- A version per record model (`record_version_name(label)`): renewed when a record of that
  model changes; the page cache keys only the pages that show such records on it.
- The generation: renewed after any of these, so that a process can tell that nothing changed
  since it last read them by reading one value (`generation()`): a page-cache hit does this
  instead of reading its versions. With the file cache (the workers of one machine) it is a
  small file in the cache's directory mapped into each process's memory, so reading it is a
  memory read; with any other cache, one cache read."""

import mmap
import os
from uuid import uuid4

from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import on_commit
from .frontend_cache import EVERYTHING, ban_after_commit

KEY = "content-version"
PAGES = "content-version:pages"
GENERATION = "content-version:generation"
# In the file cache's directory, beside its *.djcache files (which clear() and culling remove).
GENERATION_FILE = "content-generation"
GENERATION_SIZE = 16
# What is cached under a version also expires, as a safety net against a missed signal.
FRAGMENT_TIMEOUT = 60 * 60


def record_version_name(model_label: str) -> str:
    return f"content-version:{model_label.lower()}"


def versions(names: list[str]) -> dict[str, str]:
    """The current value of each version, read in one round trip; a missing one is created.
    While the generation is unchanged, from what this process read under it."""
    global _read
    seen = generation()  # first: a change committed after this read renews it
    read_under, read = _read
    if seen is not None and read_under == seen and all(name in read for name in names):
        return {name: read[name] for name in names}
    found = cache.get_many(names)
    for name in names:
        if name not in found:
            cache.add(name, uuid4().hex, timeout=None)
            found[name] = cache.get(name)
    if seen is not None and None not in found.values():
        _read = (seen, {**(read if read_under == seen else {}), **found})
    return found


class _CachedGeneration:
    """The generation as one key of the shared cache (Redis: one round trip)."""

    def read(self) -> str | None:
        value = cache.get(GENERATION)
        if value is None:  # evicted or never set: a new value, which no copy was checked under
            cache.add(GENERATION, uuid4().hex, None)
            value = cache.get(GENERATION)
        return value

    def renew(self, versions: dict[str, str]) -> None:
        """In one write with the versions (one MSET in Redis): a failure between the two would
        leave every process serving its copies under the old generation."""
        cache.set_many({**versions, GENERATION: uuid4().hex}, None)


class _MappedGeneration:
    """The generation in a file shared by the processes of one machine, mapped into memory.
    A read racing a renewal may see a mix of both values: that too differs from the value
    a copy was checked under, so it costs one full check, never a stale page."""

    def __init__(self, directory: str) -> None:
        os.makedirs(directory, exist_ok=True)
        self.path = os.path.join(directory, GENERATION_FILE)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_size < GENERATION_SIZE:
                os.pwrite(fd, os.urandom(GENERATION_SIZE), 0)
            self.map = mmap.mmap(fd, GENERATION_SIZE)
        finally:
            os.close(fd)

    def read(self) -> bytes:
        return self.map[:GENERATION_SIZE]

    def renew(self, versions: dict[str, str]) -> None:
        cache.set_many(versions, None)
        # After the versions: whoever sees the new generation reads the new versions.
        self.map[:GENERATION_SIZE] = os.urandom(GENERATION_SIZE)


_generation: _CachedGeneration | _MappedGeneration | None = None
_read: tuple[str | bytes | None, dict[str, str]] = (None, {})  # versions read under a generation


def _generation_store() -> _CachedGeneration | _MappedGeneration:
    global _generation
    if _generation is None:
        backend = caches["default"]
        if isinstance(backend, FileBasedCache):
            _generation = _MappedGeneration(backend._dir)
        else:
            _generation = _CachedGeneration()
    return _generation


def _forget_generation_store(setting: str, **kwargs) -> None:
    global _generation, _read
    if setting == "CACHES":
        _generation, _read = None, (None, {})


setting_changed.connect(_forget_generation_store)


def generation() -> str | bytes | None:
    """A value that differs after any version was renewed; None when unknown (the cache is
    down), which must be taken as a change."""
    return _generation_store().read()


def content_version() -> str:
    return versions([KEY])[KEY]


def bump(*names: str) -> None:
    """Renews these versions once the change commits, so that no request caches the old
    content under a new version."""
    on_commit.once(("renew", names), lambda: _renew(names))


def _renew(names: tuple[str, ...]) -> None:
    _generation_store().renew({name: uuid4().hex for name in names})


def bump_content_version(**kwargs) -> None:
    """A signal receiver for changes of the page tree: anything cached under the old content
    or page-tree version is never read again, and the front-end cache drops every page."""
    bump(KEY, PAGES)
    ban_after_commit(EVERYTHING)


def connect() -> None:
    """Every change to what the public page tree shows renews the version."""
    # A deploy migrates: new code, templates and data render every page afresh.
    post_migrate.connect(bump_content_version, dispatch_uid="content-version-migrate")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal!r}")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="content-version-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version,
            sender=PageViewRestriction,
            dispatch_uid=f"content-version-restriction-{signal!r}",
        )
