"""The latest announcements for the home page (core/feeds.py)."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.feeds import Feed, register

from .models import AnnouncementIndexPage, AnnouncementPage


def latest(limit: int) -> dict:
    language = get_language()
    # .public(): the home page is the same for everyone (and cached), so a page with a view
    # restriction, or below one, is never on it.
    index = (
        AnnouncementIndexPage.objects.live().public().filter(locale__language_code=language).first()
    )
    announcements = (
        AnnouncementPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("-date", "-first_published_at")[:limit]
    )
    return {
        "announcements": [
            {"title": a.title, "date": a.date, "lead": a.lead, "url": a.get_url()}
            for a in announcements
        ],
        "more_url": index.get_url() if index else "",
        "feed_url": f"{index.get_url()}feed/" if index else "",
    }


def register_feeds() -> None:
    register(
        Feed(
            "announcements",
            _("Latest announcements"),
            "announcements/feeds/latest.html",
            latest,
        )
    )
