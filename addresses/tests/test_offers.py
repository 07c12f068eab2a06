"""Site search offers the address page for a query that names a street (search/offers.py)."""

import pytest

from search.offers import offers_for

from .factories import HouseRangeFactory


@pytest.fixture
def lenina(db):
    return HouseRangeFactory().street


@pytest.mark.parametrize("query", ["Ленина 5", "ул. Ленина", "Подольск, улица Ленина, д. 7"])
def test_an_address_is_offered_the_address_page(lenina, query):
    offers = offers_for(query, "ru")
    assert [offer.url.split("?")[0] for offer in offers] == ["/address/"]


@pytest.mark.parametrize(
    "query", ["тарифы 2026", "Ленина", "передать показания", "ул. Несуществующая"]
)
def test_other_queries_are_not(lenina, query, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert offers_for(query, "ru") == []


def test_the_search_page_shows_the_offer(lenina, ru_client, home_page):
    html = ru_client.get("/search/", {"q": "Ленина 5"}).content.decode()
    assert 'href="/address/?q=' in html
