"""Page routes remembered under the page-tree version (core/route_cache.py): a page requested
again is found without a query, and every change to the tree or to a view restriction is
routed at once. Changes commit inside `django_capture_on_commit_callbacks(execute=True)`,
since the version is renewed when a change commits."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.tests.factories import make_standard_page

# What Wagtail reads to route a request (the language switcher joins locales, not from them).
ROUTING_READS = tuple(
    f'FROM "{table}"'
    for table in ("wagtailcore_site", "wagtailcore_locale", "wagtailcore_pageviewrestriction")
)


@pytest.fixture(autouse=True)
def route_cache_on(settings):
    settings.ROUTE_CACHE = True


@pytest.fixture
def about(home_page):
    return make_standard_page(home_page, "about", "О компании", lead="Сорок лет у розетки.")


def html_of(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.django_db
def test_a_page_requested_again_is_routed_without_a_query(about):
    with CaptureQueriesContext(connection) as first:
        html_of("/about/")
    with CaptureQueriesContext(connection) as again:
        html = html_of("/about/")
    assert "Сорок лет у розетки." in html

    def routing(queries) -> list[str]:
        return [q["sql"] for q in queries if any(r in q["sql"] for r in ROUTING_READS)]

    assert routing(first.captured_queries)  # found by Wagtail the first time
    assert routing(again.captured_queries) == []
    assert len(again.captured_queries) <= len(first.captured_queries) - 5


@pytest.mark.django_db
def test_a_publish_a_move_and_an_unpublish_are_routed_at_once(
    about, django_capture_on_commit_callbacks
):
    html_of("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.lead = "Новый текст."
        about.save_revision().publish()
    assert "Новый текст." in html_of("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.slug = "company"
        about.save_revision().publish()
    moved = Client().get("/about/")  # not found any more: Wagtail's redirect answers
    assert (moved.status_code, moved["Location"]) == (301, "/company/")
    assert "Новый текст." in html_of("/company/")
    with django_capture_on_commit_callbacks(execute=True):
        about.unpublish()
    assert Client().get("/company/").status_code == 404


@pytest.mark.django_db
def test_a_view_restriction_applies_at_once_and_on_every_request(
    about, django_capture_on_commit_callbacks
):
    html_of("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    for _attempt in range(2):  # routed afresh, then from the remembered route
        response = Client().get("/about/")
        assert "Сорок лет у розетки." not in response.content.decode()
        assert 'name="password"' in response.content.decode()
