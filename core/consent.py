"""Consent to personal-data processing (152-FZ), shared by the public forms."""

import re
from datetime import UTC, datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

VERSION = re.compile(r"page (?P<page>\d+) rev (?P<revision>\d+|None)(?: (?P<stamp>\S+))?")


def policy_version(page: Page | None) -> str:
    """The version of the personal-data policy the customer agreed to: derived from the
    policy page's published revision, never typed by hand."""
    if page is None:
        return "unpublished"
    stamp = f"{page.last_published_at:%Y-%m-%dT%H:%M}" if page.last_published_at else "-"
    return f"page {page.pk} rev {page.live_revision_id} {stamp}"


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
