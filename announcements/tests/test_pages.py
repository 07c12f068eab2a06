"""Announcements: the list newest first, the Atom feed and the home page's feed."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import PageViewRestriction

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


def restrict(page, restriction_type, **fields):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )
    return restriction


def test_lists_leave_out_what_the_visitor_may_not_see(index, client, django_user_model):
    """Wagtail checks a view restriction when it serves the page, not when a list shows it:
    the index, its feed and the home page's feed check each announcement's own."""
    announce(index, "Для всех", 1)
    staff_only = announce(index, "Для сотрудников", 2)
    group = Group.objects.create(name="Сотрудники")
    restrict(staff_only, PageViewRestriction.GROUPS).groups.add(group)
    signed_in_only = announce(index, "Для вошедших", 3)
    restrict(signed_in_only, PageViewRestriction.LOGIN)
    restrict(announce(index, "С паролем", 4), PageViewRestriction.PASSWORD, password="секрет")

    def titles(path):
        html = client.get(path).content.decode()
        return [
            t for t in ("Для всех", "Для сотрудников", "Для вошедших", "С паролем") if t in html
        ]

    for path in ("/news/", "/news/feed/"):
        assert titles(path) == ["Для всех"], path
    with translation.override("ru"):
        assert [item["title"] for item in latest(10)["announcements"]] == ["Для всех"]

    visitor = django_user_model.objects.create_user("visitor", password="x")
    client.force_login(visitor)
    assert titles("/news/") == ["Для всех", "Для вошедших"]
    visitor.groups.add(group)
    assert titles("/news/") == ["Для всех", "Для сотрудников", "Для вошедших"]
    assert client.get(staff_only.url).status_code == 200  # the list agrees with the page


def test_a_private_index_is_not_offered_on_the_home_page(index):
    announce(index, "Объявление", 1)
    restrict(index, PageViewRestriction.LOGIN)
    with translation.override("ru"):
        data = latest(5)
    assert data == {"announcements": [], "more_url": "", "feed_url": ""}
