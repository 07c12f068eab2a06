"""The home page's blocks (home/blocks.py): a task names exactly one target, named services
resolve through core/links.py and feeds through core/feeds.py."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from core import feeds, links
from home.blocks import FeedBlock, TaskBlock, TasksBlock


def test_a_task_names_exactly_one_target(home_page):
    block = TaskBlock()
    for value in (
        {"title": "Оплатить"},
        {"title": "Оплатить", "page": home_page, "url": "https://example.ru/"},
    ):
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python({**value, "page": getattr(value.get("page"), "pk", None)}))
    assert block.clean(block.to_python({"title": "Оплатить", "url": "https://example.ru/"}))


def test_services_are_offered_by_label_and_resolved_by_name(rf, home_page):
    labels = dict(links.choices())
    assert {"address-lookup", "personal-account", "appeal-status"} <= labels.keys()
    block = TasksBlock()
    value = block.to_python(
        {"tasks": [{"title": "Отключения у дома", "service": "address-lookup"}], "heading": "Дела"}
    )
    html = block.render(value, {"request": rf.get("/")})
    assert 'href="/address/"' in html and "Отключения у дома" in html


def test_a_feed_block_renders_the_registered_feed(db, monkeypatch):
    calls = []

    def context(limit):
        calls.append(limit)
        return {"notices": [], "more_url": "/clients/outages/"}

    feed = feeds.Feed("test-feed", "Тест", "disclosure/feeds/outages_soon.html", context)
    monkeypatch.setitem(feeds._feeds, feed.name, feed)
    block = FeedBlock()
    value = block.to_python({"heading": "Скоро", "feed": "test-feed", "limit": 4})
    assert "/clients/outages/" in block.render(value, {})
    block.render(value, {})
    assert calls == [4]  # the second rendering came from the cache
