"""The site search on the database adapter (SQLite here; PostgreSQL when DATABASE_URL points
at it — CI runs this module on both)."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.tests.factories import make_standard_page
from search import backends
from search.models import QueryStat, SearchEntry, SynonymGroup
from search.relevance import evaluate, load_set
from search.services import queries_without_results, record_query
from search.text import highlight, meaningful, normalize, stems


@pytest.fixture
def clients_page(db) -> Page:
    return Page.objects.get(locale__language_code="ru", slug="clients")


def urls(query: str, **kwargs) -> list[str]:
    return [hit.url for hit in backends.search(query, "ru", **kwargs).hits]


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


# --- text -----------------------------------------------------------------------------------


def test_word_forms_share_a_stem():
    assert stems("тарифы тарифов тариф тарифу") == ["тариф"] * 4
    assert stems("Счётчик счетчика") == ["счетчик", "счетчик"]


def test_yo_is_e():
    assert normalize("Приёмная ЁЛКА") == "приемная елка"


def test_stop_words_are_dropped_unless_nothing_else_remains():
    assert meaningful(stems("как передать показания")) == stems("передать показания")
    assert meaningful(stems("как")) == stems("как")


def test_highlight_marks_word_forms_and_escapes_html():
    html = highlight("Тарифы <script> на 2026 год: новый тариф.", {"тариф"})
    assert "<mark>Тарифы</mark>" in html
    assert "<mark>тариф</mark>" in html
    assert "&lt;script&gt;" in html


# --- morphology, ё/е, synonyms on the database backend ---------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["тариф", "тарифы", "тарифов", "ТАРИФАМИ"])
def test_every_word_form_finds_a_page_with_another(clients_page, query):
    page = make_standard_page(
        clients_page, "garden", "Садоводам", lead="Льготный тарифом для садоводческих товариществ."
    )
    assert page.url in urls(query)


@pytest.mark.django_db
def test_plural_page_is_found_by_the_singular(clients_page):
    page = make_standard_page(clients_page, "sad", "Садоводам", lead="Сравнение тарифов.")
    assert page.url in urls("тариф")


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "query"), [("зелёный", "зеленый"), ("зеленый", "зелёного")])
def test_yo_and_e_find_each_other(clients_page, text, query):
    page = make_standard_page(clients_page, "green", "Тариф", lead=f"Самый {text} тариф.")
    assert page.url in urls(query)


@pytest.mark.django_db
def test_editors_synonyms_widen_the_query(clients_page):
    page = make_standard_page(clients_page, "star", "Объекты", lead="Звёздный объект на небе.")
    assert page.url not in urls("квазар")
    SynonymGroup.objects.create(terms="квазар, звёздный объект")
    assert page.url in urls("квазары")


@pytest.mark.django_db
def test_demo_synonyms_find_the_account_by_its_abbreviation():
    assert "/clients/faq/#new-owner" in urls("ЛС")[:5]


def test_a_synonym_group_needs_two_terms():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SynonymGroup(terms="одно").clean()


@pytest.mark.django_db
def test_english_search_finds_english_pages():
    assert "/en/clients/tariffs/" in urls_en("tariffs")


def urls_en(query: str) -> list[str]:
    return [hit.url for hit in backends.search(query, "en").hits]


# --- facets, pagination ----------------------------------------------------------------------


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
def test_results_paginate(clients_page):
    for n in range(23):
        make_standard_page(clients_page, f"p{n}", f"Ромашка {n}", lead="Ромашковое поле.")
    first, third = backends.search("ромашка", "ru"), backends.search("ромашка", "ru", page=3)
    assert first.total == 23 and first.num_pages == 3
    assert len(first.hits) == 10 and len(third.hits) == 3
    assert not set(h.url for h in first.hits) & set(h.url for h in third.hits)


# --- the page ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_results_are_inside_main_with_section_snippet_and_marks(ru_client):
    html = ru_client.get("/search/", {"q": "тарифов"}).content.decode()
    main = main_of(html)
    assert 'class="search-results"' in main
    assert 'href="/clients/tariffs/"' in main
    assert "search-result__section" in main and "Клиентам" in main
    assert re.search(r"<mark>тариф\w*</mark>", main, re.IGNORECASE)
    assert 'class="search-facets"' in main


@pytest.mark.django_db
def test_section_filter_in_the_page(ru_client):
    main = main_of(ru_client.get("/search/", {"q": "тариф", "section": "faq"}).content.decode())
    assert 'href="/clients/tariffs/"' not in main
    assert "/clients/faq/#who-sets-tariffs" in main


@pytest.mark.django_db
def test_empty_query_shows_examples(ru_client):
    main = main_of(ru_client.get("/search/").content.decode())
    assert 'class="search-empty"' in main
    assert "search-results" not in main


@pytest.mark.django_db
def test_nothing_found_says_what_to_do(ru_client):
    main = main_of(ru_client.get("/search/", {"q": "абракадабра"}).content.decode())
    assert 'class="search-no-results"' in main
    assert 'href="/clients/faq/"' in main and 'href="/reception/"' in main


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "abc", "999999999"])
def test_odd_page_numbers_do_not_fail(ru_client, page):
    assert ru_client.get("/search/", {"q": "тариф", "page": page}).status_code == 200


@pytest.mark.django_db
def test_pagination_links_keep_query_and_section(ru_client, clients_page):
    for n in range(12):
        make_standard_page(clients_page, f"r{n}", f"Ромашка {n}", lead="Поле.")
    main = main_of(ru_client.get("/search/", {"q": "ромашка"}).content.decode())
    assert 'rel="next" href="?q=%D1%80%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0&amp;page=2"' in main


@pytest.mark.django_db
@pytest.mark.parametrize("count", [20, 200])
def test_search_page_queries_are_bounded(ru_client, clients_page, count):
    for n in range(count):
        make_standard_page(clients_page, f"c{n}", f"Клевер {n}", lead="Клеверное поле.")
    ru_client.get("/search/", {"q": "клевер"})  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        html = ru_client.get("/search/", {"q": "клевер"}).content.decode()
    assert main_of(html).count('class="search-result"') == 10
    assert len(queries.captured_queries) <= 10


@pytest.mark.django_db
def test_autocomplete_returns_json_suggestions(ru_client):
    data = ru_client.get("/search/suggest/", {"q": "тар"}).json()
    assert data["query"] == "тар"
    assert {"title": "Тарифы", "url": "/clients/tariffs/", "section": "Клиентам"} in data[
        "suggestions"
    ]
    assert ru_client.get("/search/suggest/", {"q": "т"}).json()["suggestions"] == []


@pytest.mark.django_db
def test_promoted_results_come_first(ru_client):
    target = Page.objects.get(locale__language_code="ru", slug="payment")
    query = Query.get("скидка")
    SearchPromotion.objects.create(query=query, page=target, description="Оплата без комиссии")
    main = main_of(ru_client.get("/search/", {"q": "Скидка"}).content.decode())
    assert 'class="search-promotions"' in main
    assert 'href="/clients/payment/"' in main


# --- indexing -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unpublish_and_delete_remove_a_page(clients_page):
    page = make_standard_page(clients_page, "gone", "Кактусы", lead="Кактусовая тема.")
    assert page.url in urls("кактус")
    page.unpublish()
    assert not urls("кактус")
    page.save_revision().publish()
    assert urls("кактус")
    page.delete()
    assert not SearchEntry.objects.filter(owner=f"page:{page.pk}").exists()


@pytest.mark.django_db
def test_documents_are_found_by_title(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title="Типовой договор энергоснабжения для граждан")
    document.file.save("dogovor.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    url = document.url
    results = backends.search("типовые договоры", "ru")
    hit = next(hit for hit in results.hits if hit.url == url)
    assert hit.section_label == "Документы"
    document.delete()
    assert url not in urls("типовые договоры")


@pytest.mark.django_db
def test_rebuild_command_restores_the_index():
    from django.core.management import call_command

    before = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    call_command("update_site_search", verbosity=0)
    assert SearchEntry.objects.count() == before
    assert "/clients/tariffs/" in urls("тарифов")


# --- statistics -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_queries_are_counted_and_empty_ones_listed(ru_client):
    ru_client.get("/search/", {"q": "Тарифы"})
    ru_client.get("/search/", {"q": "тарифы "})
    ru_client.get("/search/", {"q": "абракадабра"})
    today = timezone.localdate()
    assert QueryStat.objects.get(query="тарифы", date=today).hits == 2
    empty = queries_without_results(today - datetime.timedelta(days=1))
    assert [row["query"] for row in empty] == ["абракадабра"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["лс 1234567890", "+7 (912) 345-67-89", "ivan@example.ru"])
def test_personal_data_is_not_recorded(query):
    record_query(query, 0, timezone.localdate())
    assert not QueryStat.objects.exists()


@pytest.mark.django_db
def test_editors_see_the_report(client):
    record_query("где касса", 0, timezone.localdate())
    user = User.objects.create_superuser("editor", "e@example.ru", "x")
    client.force_login(user)
    response = client.get("/admin/reports/search-queries/")
    assert response.status_code == 200
    assert "где касса" in response.content.decode()


# --- relevance (the figures are recorded by benchmarks/relevance.py) ----------------------------


def test_relevance_set_has_thirty_questions():
    assert len(load_set()) >= 30


@pytest.mark.django_db
def test_success_at_3_is_at_least_ninety_percent():
    score, cases = evaluate(k=3)
    failed = [(case.query, case.found[:3]) for case in cases if not case.success]
    assert score >= 0.9, failed


# --- records of other apps ----------------------------------------------------------------------


@pytest.mark.django_db
def test_service_centres_are_found_with_their_anchor():
    from disclosure.models import ServiceCentre

    centre = ServiceCentre.objects.get(name="ЦОК «Бирюлёво»")
    anchor = f"#centre-{centre.pk}"
    hits = backends.search("Бирюлево", "ru").hits
    assert any(h.url.endswith(anchor) and not h.url.startswith("/en/") for h in hits)
    en_hits = backends.search("Бирюлёво", "en").hits
    assert any(h.url.startswith("/en/") and h.url.endswith(anchor) for h in en_hits)


@pytest.mark.django_db
def test_an_unpublished_payment_point_leaves_the_index():
    from disclosure.models import PaymentPoint

    point = PaymentPoint.objects.filter(live=True).first()
    assert SearchEntry.objects.filter(owner=f"disclosure.paymentpoint:{point.pk}").exists()
    point.live = False
    point.save()
    assert not SearchEntry.objects.filter(owner=f"disclosure.paymentpoint:{point.pk}").exists()
