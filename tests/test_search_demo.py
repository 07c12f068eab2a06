"""The site search over the demo content: its synonyms, sections, English pages, records of
the disclosure app, and the relevance set (search/relevance.py) as recorded."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from search import backends
from search.models import SearchEntry
from search.relevance import evaluate, load_set, resolve


def urls(query: str, **kwargs) -> list[str]:
    return [hit.url for hit in backends.search(query, "ru", **kwargs).hits]


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.django_db
def test_demo_synonyms_find_the_account_by_its_abbreviation():
    assert "/clients/faq/#new-owner" in urls("ЛС")[:5]


@pytest.mark.django_db
def test_english_search_finds_english_pages():
    assert "/en/clients/tariffs/" in urls_en("tariffs")


def urls_en(query: str) -> list[str]:
    return [hit.url for hit in backends.search(query, "en").hits]


@pytest.mark.django_db
def test_facets_count_each_section_and_narrow_the_results():
    results = backends.search("тарифы", "ru")
    counts = {facet.key: facet.count for facet in results.facets}
    assert counts["faq"] >= 3 and counts["clients"] >= 1
    assert sum(counts.values()) == results.total
    narrowed = backends.search("тарифы", "ru", section="faq")
    assert narrowed.total == counts["faq"]
    assert {hit.section_key for hit in narrowed.hits} == {"faq"}
    # the facet list still shows every section, with the chosen one marked
    assert {f.key: f.count for f in narrowed.facets} == counts
    assert [f.key for f in narrowed.facets if f.selected] == ["faq"]


@pytest.mark.django_db
def test_section_filter_in_the_page(ru_client):
    main = main_of(ru_client.get("/search/", {"q": "тариф", "section": "faq"}).content.decode())
    assert 'href="/clients/tariffs/"' not in main
    assert "/clients/faq/#who-sets-tariffs" in main


@pytest.mark.django_db
def test_nothing_found_says_what_to_do(ru_client):
    main = main_of(ru_client.get("/search/", {"q": "абракадабра"}).content.decode())
    assert 'class="search-no-results"' in main
    assert 'href="/clients/faq/"' in main and 'href="/reception/"' in main


@pytest.mark.django_db
def test_promoted_results_come_first(ru_client):
    target = Page.objects.get(locale__language_code="ru", slug="payment")
    query = Query.get("скидка")
    SearchPromotion.objects.create(query=query, page=target, description="Оплата без комиссии")
    main = main_of(ru_client.get("/search/", {"q": "Скидка"}).content.decode())
    assert 'class="search-promotions"' in main
    assert 'href="/clients/payment/"' in main


def test_relevance_set_has_eighty_questions_with_a_held_out_part():
    questions = load_set()
    assert len(questions) >= 80
    assert sum(item["part"] == "test" for item in questions) >= 40


@pytest.mark.django_db
def test_success_at_3_meets_the_target_on_both_parts():
    # The target (benchmarks/relevance.txt), on the database in use. The demo's ids
    # here are not a fresh database's: the apps' tests before these advanced PostgreSQL's
    # sequences (search.relevance.resolve).
    for part, scores in evaluate().items():
        failed = [(case.query, case.found[:3]) for case in scores.misses(3)]
        assert scores.success(3) >= 0.97, (part, failed)


@pytest.mark.django_db
def test_an_expected_url_may_name_its_entry_instead_of_its_id():
    from disclosure.models import ServiceCentre

    centre = ServiceCentre.objects.get(name="ЦОК «Химки»")
    assert resolve("/contacts/#centre-{ЦОК «Химки»}", "ru") == f"/contacts/#centre-{centre.pk}"
    assert resolve("/clients/faq/", "ru") == "/clients/faq/"
    with pytest.raises(ValueError):
        resolve("/contacts/#centre-{ЦОК «Нигде»}", "ru")


@pytest.mark.django_db
def test_service_centres_are_found_with_their_anchor():
    from disclosure.models import ServiceCentre

    centre = ServiceCentre.objects.get(name="ЦОК «Бирюлёво»")
    anchor = f"#centre-{centre.pk}"
    hits = backends.search("Бирюлево", "ru").hits
    assert any(h.url.endswith(anchor) and not h.url.startswith("/en/") for h in hits)
    # The English site finds the English record (its translation) under its own anchor.
    english = centre.get_translation(Locale.objects.get(language_code="en"))
    en_hits = backends.search("Biryulyovo", "en").hits
    assert any(
        h.url.startswith("/en/") and h.url.endswith(f"#centre-{english.pk}") for h in en_hits
    )
    assert not any(h.url.endswith(anchor) for h in en_hits)


@pytest.mark.django_db
def test_an_unpublished_payment_point_leaves_the_index():
    from disclosure.models import PaymentPoint

    point = PaymentPoint.objects.filter(live=True).first()
    assert SearchEntry.objects.filter(owner=f"disclosure.paymentpoint:{point.pk}").exists()
    point.live = False
    point.save()
    assert not SearchEntry.objects.filter(owner=f"disclosure.paymentpoint:{point.pk}").exists()
