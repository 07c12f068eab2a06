"""Versions of what the public site shows, kept in the shared cache (Redis at scale): what is
cached under one is replaced on every app server the moment it changes.

- The content version: renewed by any change (a page published, unpublished, moved or deleted,
  its view restrictions, a record of core/expiry.py saved); fragments (the header menu, the
  published tariffs) are cached under it.
- The page-tree version (`PAGES`): renewed by changes to pages themselves and by records that
  every page shows (site settings); the page cache (core/page_cache.py) keys every page on it.
- A version per record model (`record_version_name(label)`): renewed when a record of that
  model changes; the page cache keys only the pages that show such records on it."""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .frontend_cache import EVERYTHING, ban_after_commit

KEY = "content-version"
PAGES = "content-version:pages"
# What is cached under a version also expires, as a safety net against a missed signal.
FRAGMENT_TIMEOUT = 60 * 60


def record_version_name(model_label: str) -> str:
    return f"content-version:{model_label.lower()}"


def versions(names: list[str]) -> dict[str, str]:
    """The current value of each version, read in one round trip; a missing one is created."""
    found = cache.get_many(names)
    for name in names:
        if name not in found:
            cache.add(name, uuid4().hex, timeout=None)
            found[name] = cache.get(name)
    return found


def content_version() -> str:
    return versions([KEY])[KEY]


def bump(*names: str) -> None:
    """Renews these versions once the change commits, so that no request caches the old
    content under a new version."""
    transaction.on_commit(lambda: cache.set_many({name: uuid4().hex for name in names}, None))


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
