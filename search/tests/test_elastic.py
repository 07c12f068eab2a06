"""The Elasticsearch adapter. No server here: the index definition and the request bodies
are asserted as JSON; responses are parsed from recorded shapes. Integration tests at the end
run only when ELASTICSEARCH_URL is set."""

import logging
import os

import pytest
from django.utils import translation
from elasticsearch.dsl.response import Response

from search import backends, elastic
from search.backends.elastic import ElasticsearchAdapter

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: connection refused at once


@pytest.fixture(autouse=True)
def elasticsearch_not_marked_down():
    from django.core.cache import cache

    cache.delete(backends.DOWN_KEY)
    yield
    cache.delete(backends.DOWN_KEY)


def test_index_has_a_russian_analyzer_with_stop_words_stemmer_and_synonyms():
    body = elastic.build_index("site-x", [["лс", "лицевой счет"], ["свет", "электроэнергия"]])
    body = body.to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["ru_stemmer"] == {"type": "stemmer", "language": "russian"}
    assert analysis["filter"]["ru_stop"] == {"type": "stop", "stopwords": "_russian_"}
    assert analysis["filter"]["ru_synonyms"]["type"] == "synonym_graph"
    assert analysis["filter"]["ru_synonyms"]["synonyms"] == [
        "лс, лицевой счет",
        "свет, электроэнергия",
    ]
    assert analysis["char_filter"]["ru_yo"]["mappings"] == ["ё => е", "Ё => Е"]
    index_analyzer = analysis["analyzer"]["ru_index"]
    assert index_analyzer["char_filter"] == ["ru_yo"]
    assert index_analyzer["filter"] == ["lowercase", "ru_stop", "ru_stemmer"]
    # synonyms at query time, after stemming (so every word form of a rule matches)
    assert analysis["analyzer"]["ru_search"]["filter"] == [
        "lowercase",
        "ru_stop",
        "ru_stemmer",
        "ru_synonyms",
    ]
    fields = body["mappings"]["properties"]
    assert fields["heading"]["analyzer"] == "ru_index"
    assert fields["heading"]["search_analyzer"] == "ru_search"
    assert fields["heading"]["fields"]["suggest"]["type"] == "search_as_you_type"
    assert fields["text"]["search_analyzer"] == "ru_search"
    assert fields["section_key"] == {"type": "keyword"}
    assert fields["language"] == {"type": "keyword"}
    assert fields["url"] == {"type": "keyword", "index": False}


def test_without_synonyms_there_is_no_synonym_filter():
    analysis = elastic.build_index("site-x", []).to_dict()["settings"]["analysis"]
    assert "ru_synonyms" not in analysis["filter"]


def test_search_body_weights_headings_filters_language_facets_and_highlights(settings):
    settings.ELASTICSEARCH_INDEX = "ruses-test"
    request = elastic.build_search("тарифы на свет", "ru", "", start=10, size=10)
    assert request._index == ["ruses-test"]
    body = request.to_dict()
    query = body["query"]["bool"]
    assert query["must"] == [
        {
            "multi_match": {
                "query": "тарифы на свет",
                "fields": ["heading^3", "tasks^3", "text"],
                "type": "best_fields",
                "tie_breaker": 0.3,
                "fuzziness": "AUTO",
                "prefix_length": 1,
            }
        }
    ]
    assert query["filter"] == [{"terms": {"language": ["ru", ""]}}]
    assert body["aggs"]["sections"]["terms"] == {"field": "section_key", "size": 50}
    assert body["aggs"]["sections"]["aggs"]["label"]["terms"]["field"] == "section_label"
    assert "post_filter" not in body
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["highlight"]["encoder"] == "html"
    assert body["highlight"]["fields"]["text"]["no_match_size"] == 240
    assert (body["from"], body["size"]) == (10, 10)
    assert "tasks" in body["_source"]
    assert body["track_total_hits"] is True


def test_a_chosen_section_filters_hits_but_not_the_facets():
    body = elastic.build_search("тарифы", "ru", "faq", start=0, size=10).to_dict()
    assert body["post_filter"] == {"term": {"section_key": "faq"}}
    assert "section_key" not in str(body["query"])


def test_suggest_body_is_search_as_you_type():
    body = elastic.build_suggest("тар", "en", 8).to_dict()
    match = body["query"]["bool"]["must"][0]["multi_match"]
    assert match["type"] == "bool_prefix"
    assert match["fields"] == [
        "heading.suggest",
        "heading.suggest._2gram",
        "heading.suggest._3gram",
    ]
    assert body["query"]["bool"]["filter"] == [{"terms": {"language": ["en", ""]}}]
    assert body["size"] == 8


@pytest.mark.django_db
def test_the_adapter_reads_hits_facets_and_highlights(monkeypatch):
    raw = {
        "hits": {
            "total": {"value": 12, "relation": "eq"},
            "hits": [
                {
                    "_id": "page:5#",
                    "_score": 3.2,
                    "_source": {
                        "heading": "Тарифы",
                        "url": "/clients/tariffs/",
                        "section_key": "clients",
                        "section_label": "Клиентам",
                    },
                    "highlight": {"text": ["Действующие <mark>тарифы</mark>"]},
                },
                {
                    "_id": "document:1#",
                    "_score": 1.0,
                    "_source": {
                        "heading": "Прейскурант <2026>",
                        "url": "/documents/1/p.pdf",
                        "section_key": "documents",
                        "section_label": "",
                    },
                },
            ],
        },
        "aggregations": {
            "sections": {
                "buckets": [
                    {"key": "clients", "doc_count": 9, "label": {"buckets": [{"key": "Клиентам"}]}},
                    {"key": "documents", "doc_count": 3, "label": {"buckets": [{"key": ""}]}},
                ]
            }
        },
    }

    def execute(self):
        return Response(self, raw)

    monkeypatch.setattr("elasticsearch.dsl.Search.execute", execute)
    # The labels follow the active language, which an earlier test's English request may
    # have left active.
    with translation.override("ru"):
        results = ElasticsearchAdapter("http://es:9200").search("тарифы", "ru", section="clients")
    assert results.total == 12
    assert results.hits[0].snippet == "Действующие <mark>тарифы</mark>"
    assert results.hits[1].snippet == "Прейскурант &lt;2026&gt;"
    assert results.hits[1].section_label == "Документы"
    assert [(f.key, f.count, f.selected) for f in results.facets] == [
        ("clients", 9, True),
        ("documents", 3, False),
    ]


# --- the fallback ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unreachable_elasticsearch_falls_back_to_the_database(
    settings, ru_client, caplog, tariffs_page
):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    assert isinstance(backends.get_adapter(), ElasticsearchAdapter)
    with caplog.at_level(logging.WARNING, logger="search"):
        response = ru_client.get("/search/", {"q": "тарифов"})
    assert response.status_code == 200
    assert 'href="/clients/tariffs/"' in response.content.decode()
    assert any("elasticsearch is unavailable" in r.getMessage() for r in caplog.records)
    # for a while the database answers at once, without trying the server again
    assert isinstance(backends.get_adapter(), backends.DatabaseAdapter)


@pytest.mark.django_db
def test_unreachable_elasticsearch_autocomplete_falls_back(settings, ru_client, tariffs_page):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    data = ru_client.get("/search/suggest/", {"q": "тар"}).json()
    assert any(s["url"] == "/clients/tariffs/" for s in data["suggestions"])


@pytest.mark.django_db
def test_publishing_with_elasticsearch_down_still_indexes_the_database(
    settings, caplog, tariffs_page
):

    from search.models import SearchEntry

    settings.ELASTICSEARCH_URL = UNREACHABLE
    page = tariffs_page
    page.lead = "Новое слово: пеларгония."
    with caplog.at_level(logging.ERROR, logger="search.indexer"):
        page.save_revision().publish()
    assert SearchEntry.objects.filter(owner=f"page:{page.pk}", text__contains="пеларгония")
    assert any("Elasticsearch indexing" in r.getMessage() for r in caplog.records)


# --- integration: only with a real server ----------------------------------------------------

needs_server = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"
)


@needs_server
@pytest.mark.django_db
def test_elasticsearch_finds_word_forms_and_synonyms(settings):
    from search import indexer

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX = "ruses-test"
    indexer.rebuild()
    adapter = ElasticsearchAdapter(settings.ELASTICSEARCH_URL)
    assert "/clients/tariffs/" in [h.url for h in adapter.search("тарифов", "ru").hits]
    assert "/clients/faq/#new-owner" in [h.url for h in adapter.search("ЛС", "ru").hits][:5]
    assert adapter.search("тарифы", "ru").facets
    assert adapter.suggest("тар", "ru")
