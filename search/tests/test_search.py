"""The site search on the database adapter (SQLite here; PostgreSQL when DATABASE_URL points
at it — CI runs this module on both)."""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.tests.factories import make_standard_page
from search import backends
from search.models import QueryStat, SearchEntry, SynonymGroup
from search.proxy_log import Tally
from search.services import queries_without_results, record_query, write_counted_queries
from search.text import highlight, meaningful, normalize, stems


@pytest.fixture
def clients_page(clients_section) -> Page:
    return clients_section


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


def test_a_synonym_group_needs_two_terms():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SynonymGroup(terms="одно").clean()


# --- facets, pagination ----------------------------------------------------------------------


@pytest.mark.django_db
def test_results_paginate(clients_page):
    for n in range(23):
        make_standard_page(clients_page, f"p{n}", f"Ромашка {n}", lead="Ромашковое поле.")
    first, third = backends.search("ромашка", "ru"), backends.search("ромашка", "ru", page=3)
    assert first.total == 23 and first.num_pages == 3
    assert len(first.hits) == 10 and len(third.hits) == 3
    assert not set(h.url for h in first.hits) & set(h.url for h in third.hits)


@pytest.mark.django_db
def test_results_past_the_ranked_candidates_go_on_without_gaps_or_repeats(clients_page):
    # The engine hands the ranking its best 50; the pages after them come in its own order.
    for n in range(56):
        make_standard_page(clients_page, f"m{n}", f"Мак {n}", lead="Маковое поле " * (n % 7))
    results = [backends.search("мак", "ru", page=page) for page in range(1, 7)]
    found = [hit.url for result in results for hit in result.hits]
    assert results[0].total == 56 and len(found) == 56 and len(set(found)) == 56
    assert backends.search("мак", "ru", page=99).page == 6


@pytest.mark.django_db
def test_a_search_asks_the_database_little(clients_page, django_assert_max_num_queries):
    # PostgreSQL: the matches, facet counts and the ranking's fields in one query, then the
    # page's entries and the spelling's vocabulary. SQLite reads the fields apart.
    for n in range(60):
        make_standard_page(clients_page, f"l{n}", f"Лён {n}", lead="Льняное поле.")
    backends.search("лён поле", "ru")  # the per-process caches (synonyms, section labels)
    with django_assert_max_num_queries(3 if connection.vendor == "postgresql" else 4):
        assert backends.search("лён поле", "ru", section="clients").total == 60


# --- the page ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_results_are_inside_main_with_section_snippet_and_marks(ru_client, tariffs_page):
    html = ru_client.get("/search/", {"q": "тарифов"}).content.decode()
    main = main_of(html)
    assert 'class="search-results"' in main
    assert 'href="/clients/tariffs/"' in main
    assert "search-result__section" in main and "Клиентам" in main
    assert re.search(r"<mark>тариф\w*</mark>", main, re.IGNORECASE)
    assert 'class="search-facets"' in main


@pytest.mark.django_db
def test_empty_query_shows_examples(ru_client, home_page):
    main = main_of(ru_client.get("/search/").content.decode())
    assert 'class="search-empty"' in main
    assert "search-results" not in main


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "abc", "999999999"])
def test_odd_page_numbers_do_not_fail(ru_client, home_page, page):
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
def test_autocomplete_returns_json_suggestions(ru_client, tariffs_page):
    data = ru_client.get("/search/suggest/", {"q": "тар"}).json()
    assert data["query"] == "тар"
    assert {"title": "Тарифы", "url": "/clients/tariffs/", "section": "Клиентам"} in data[
        "suggestions"
    ]
    assert ru_client.get("/search/suggest/", {"q": "т"}).json()["suggestions"] == []


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
def test_a_publish_leaves_indexing_to_the_task_worker(settings, clients_page):
    from django_tasks import default_task_backend

    from search.signals import index_task

    page = make_standard_page(clients_page, "later", "Кактусы", lead="Кактусовая тема.")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    page.title = "Агавы"
    page.save_revision().publish()
    assert page.url in urls("кактус") and not urls("агава")  # the editor did not wait for it
    [queued] = [r for r in default_task_backend.results if r.task.func is index_task.func]
    index_task.call(*queued.args)  # as the worker runs it
    assert page.url in urls("агава") and not urls("кактус")


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
def test_rebuild_command_restores_the_index(tariffs_page):
    from django.core.management import call_command

    before = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    call_command("update_site_search", verbosity=0)
    assert SearchEntry.objects.count() == before
    assert "/clients/tariffs/" in urls("тарифов")


# --- statistics -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_queries_are_counted_and_empty_ones_listed(ru_client, tariffs_page):
    ru_client.get("/search/", {"q": "Тарифы"})
    ru_client.get("/search/", {"q": "тарифы "})
    ru_client.get("/search/", {"q": "абракадабра"})
    write_counted_queries()  # every few seconds, or when the process stops
    today = timezone.localdate()
    assert QueryStat.objects.get(query="тарифы", date=today).hits == 2
    empty = queries_without_results(today - datetime.timedelta(days=1))
    assert [row["query"] for row in empty] == ["абракадабра"]


@pytest.mark.django_db
def test_searches_the_proxy_answered_count_as_those_the_site_did(ru_client, tariffs_page):
    """Lines of varnishlog (search/proxy_log.py): what a search the proxy answered from a copy
    adds to the report is what the site adds for the same search."""
    first = ru_client.get("/search/", {"q": "Тарифы"})
    found = first["X-Search-Results"]
    assert int(found) >= 1
    assert "X-Search-Results" not in ru_client.get("/search/", {"q": "Тарифы", "page": "2"})
    tally = Tally()
    for vxid, line in enumerate(
        [
            f"search-hit: {found} /search/?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84%D1%8B+",
            "search-hit: 0 /en/search/?q=abracadabra&exact=1",
            "search-hit: 0 /search/?q=+",  # nothing to search for
            "other: 1 /search/?q=x",  # what else the VCL may log
        ]
        * 500
    ):
        tally.add(f"{vxid:>10} VCL_Log        c {line}\n")
    assert tally.count() == 1000
    assert tally.count() == 0  # counted once
    write_counted_queries()
    today = timezone.localdate()
    assert QueryStat.objects.get(query="тарифы", date=today).hits == 501
    assert QueryStat.objects.get(query="abracadabra", date=today).empty_hits == 500


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
    assert "export=xlsx" in response.content.decode()
    download = client.get("/admin/reports/search-queries/", {"days": 7, "export": "csv"})
    lines = b"".join(download.streaming_content).decode().splitlines()
    assert lines[1:] == ["где касса,1,1"]


@pytest.mark.django_db
def test_the_report_page_renders_without_queries(admin_client):
    response = admin_client.get("/admin/reports/search-queries/")
    assert response.status_code == 200
    assert response.content.decode().count('<td colspan="3">') == 2  # both tables say "none"


# --- relevance (the figures are recorded by benchmarks/relevance.py) ----------------------------


# --- records of other apps ----------------------------------------------------------------------


def test_stems_come_from_the_c_stemmer_and_equal_the_pure_python_snowball():
    import Stemmer
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.russian_stemmer import RussianStemmer

    from search import text

    assert isinstance(text._stemmer, Stemmer.Stemmer)
    standard = Path("disclosure/data/service-quality-standard.ru.txt").read_text(encoding="utf-8")
    vocabulary = set(text.words(standard + " тарифы тарифов ёлка meters reading"))
    russian, english = RussianStemmer(), EnglishStemmer()
    reference = {
        word: (english if word.isascii() else russian).stemWord(word) for word in vocabulary
    }
    assert len(vocabulary) > 1000
    assert {word: text.stem(word) for word in vocabulary} == reference
    assert text.stem("тарифов") == text.stem("Тарифы") == "тариф"
