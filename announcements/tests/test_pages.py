"""Announcements: the list newest first, the Atom feed and the home page's feed."""

from datetime import date

import pytest
from django.utils import translation

from announcements.feeds import latest
from announcements.models import AnnouncementIndexPage, AnnouncementPage
from core import feeds


@pytest.fixture
def index(home_page):
    page = AnnouncementIndexPage(title="Новости", slug="news")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def announce(index, title, day, live=True):
    page = AnnouncementPage(title=title, slug=f"a-{day}", date=date(2026, 11, day), lead="Текст.")
    index.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def test_newest_first_and_drafts_left_out(index, ru_client):
    announce(index, "Старое", 1)
    announce(index, "Новое", 20)
    announce(index, "Черновик", 25, live=False)
    html = ru_client.get("/news/").content.decode()
    assert html.index("Новое") < html.index("Старое")
    assert "Черновик" not in html
    feed = ru_client.get("/news/feed/").content.decode()
    assert feed.index("Новое") < feed.index("Старое") and "Черновик" not in feed


def test_the_home_feed_lists_the_latest(index):
    for day in (1, 2, 3):
        announce(index, f"Объявление {day}", day)
    with translation.override("ru"):
        data = latest(2)
    assert [item["title"] for item in data["announcements"]] == ["Объявление 3", "Объявление 2"]
    assert data["more_url"] == "/news/" and data["feed_url"] == "/news/feed/"
    assert "announcements" in dict(feeds.choices())
