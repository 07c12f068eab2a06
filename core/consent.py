"""Consent to personal-data processing (152-FZ), shared by the public forms."""

import re
from datetime import UTC, datetime

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from .content_version import PAGES, versions

VERSION = re.compile(r"page (?P<page>\d+) rev (?P<revision>\d+|None)(?: (?P<stamp>\S+))?")


def policy_version(page: Page | None) -> str:
    """The version of the personal-data policy the customer agreed to: derived from the
    policy page's published revision, never typed by hand."""
    if page is None:
        return "unpublished"
    stamp = f"{page.last_published_at:%Y-%m-%dT%H:%M}" if page.last_published_at else "-"
    return f"page {page.pk} rev {page.live_revision_id} {stamp}"


def privacy_policy() -> Page | None:
    """The live personal-data policy page of the active language (slug `privacy` under the
    home page)."""
    return (
        Page.objects.live()
        .filter(slug="privacy", depth=3, locale__language_code=get_language())
        .only("id", "live_revision_id", "last_published_at")
        .first()
    )


# language → (the page-tree version it was read under, the policy version)
_current: dict[str, tuple[str, str]] = {}


def current_policy_version() -> str:
    """`policy_version(privacy_policy())`, read from the database once per language and page-tree
    version (renewed on every publish, unpublish, move or deletion of a page), not per form sent."""
    language = get_language()
    tree = versions([PAGES])[PAGES]
    known = _current.get(language)
    if known is not None and known[0] == tree:
        return known[1]
    version = policy_version(privacy_policy())
    _current[language] = (tree, version)
    return version


def describe(version: str) -> str:
    """The version as staff read it: the policy's publication time (Moscow) and revision."""
    match = VERSION.fullmatch(version)
    if match is None:
        return version
    stamp = match["stamp"]
    published = (
        timezone.localtime(datetime.fromisoformat(stamp).replace(tzinfo=UTC))
        if stamp and stamp != "-"
        else None
    )
    return _("policy of %(published)s, revision %(revision)s") % {
        "published": f"{published:%d.%m.%Y %H:%M}" if published else "—",
        "revision": match["revision"],
    }
