"""A version of the published page tree, kept in the shared cache (Redis at scale): what is
cached under it (the header menu) is replaced on every app server the moment an editor
publishes, unpublishes, moves or deletes a page, or changes who may view one."""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

KEY = "content-version"
# What is cached under a version also expires, as a safety net against a missed signal.
FRAGMENT_TIMEOUT = 60 * 60


def content_version() -> str:
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, uuid4().hex, timeout=None)
        version = cache.get(KEY)
    return version


def bump_content_version(**kwargs) -> None:
    """A signal receiver: anything cached under the old version is never read again. The new
    version is set once the change commits, so that no request caches the old content under it."""
    transaction.on_commit(lambda: cache.set(KEY, uuid4().hex, timeout=None))


def connect() -> None:
    """Every change to what the public page tree shows renews the version."""
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal!r}")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="content-version-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version,
            sender=PageViewRestriction,
            dispatch_uid=f"content-version-restriction-{signal!r}",
        )
