"""Consent to personal-data processing (152-FZ), shared by the public forms."""

from wagtail.models import Page


def policy_version(page: Page | None) -> str:
    """The version of the personal-data policy the customer agreed to: derived from the
    policy page's published revision, never typed by hand."""
    if page is None:
        return "unpublished"
    stamp = f"{page.last_published_at:%Y-%m-%dT%H:%M}" if page.last_published_at else "-"
    return f"page {page.pk} rev {page.live_revision_id} {stamp}"
