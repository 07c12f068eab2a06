"""Elasticsearch: the index definition (a Russian analyzer with stop words, stemmer and
editors' synonyms), the query bodies, and indexing. Built on the official client's DSL
(`elasticsearch.dsl`). Only used when settings.ELASTICSEARCH_URL is set.

The index is reached through an alias (settings.ELASTICSEARCH_INDEX); a rebuild fills a new
concrete index and moves the alias at once, so searches never see a half-built index.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import (
    Index,
    Keyword,
    Mapping,
    Q,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
    char_filter,
    token_filter,
)
from elasticsearch.helpers import bulk

from .models import SearchEntry

UNAVAILABLE = (TransportError, ApiError)
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}


def client(url: str = "") -> Elasticsearch:
    return Elasticsearch(
        url or settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )


def alias_name() -> str:
    return settings.ELASTICSEARCH_INDEX


def analyzers(synonyms: list[list[str]]):
    """The analyzers: `ru_index` for documents, `ru_search` (adds synonyms) for queries,
    `ru_suggest` (no stemming) for search-as-you-type."""
    yo = char_filter("ru_yo", type="mapping", mappings=["ё => е", "Ё => Е"])
    stop = token_filter("ru_stop", type="stop", stopwords="_russian_")
    stemmer = token_filter("ru_stemmer", type="stemmer", language="russian")
    # Synonym rules are analysed by the filters before them, so they are stemmed like the
    # query: «лицевого счёта» matches the rule «лс, лицевой счёт». `lenient` skips a rule
    # that analyses to nothing rather than failing the index.
    search_filters: list = ["lowercase", stop, stemmer]
    if synonyms:
        search_filters.append(
            token_filter(
                "ru_synonyms",
                type="synonym_graph",
                lenient=True,
                synonyms=[", ".join(group) for group in synonyms if len(group) > 1],
            )
        )
    index_analyzer = analyzer(
        "ru_index", tokenizer="standard", char_filter=[yo], filter=["lowercase", stop, stemmer]
    )
    search_analyzer = analyzer(
        "ru_search", tokenizer="standard", char_filter=[yo], filter=search_filters
    )
    suggest_analyzer = analyzer(
        "ru_suggest", tokenizer="standard", char_filter=[yo], filter=["lowercase"]
    )
    return index_analyzer, search_analyzer, suggest_analyzer


def build_index(name: str, synonyms: list[list[str]]) -> Index:
    index_analyzer, search_analyzer, suggest_analyzer = analyzers(synonyms)
    text = {"analyzer": index_analyzer, "search_analyzer": search_analyzer}
    mapping = Mapping()
    mapping.field(
        "heading",
        Text(**text, fields={"suggest": SearchAsYouType(analyzer=suggest_analyzer)}),
    )
    mapping.field("text", Text(**text))
    mapping.field("tasks", Text(**text))
    for keyword in ("owner", "anchor", "language", "section_key", "section_label"):
        mapping.field(keyword, Keyword())
    mapping.field("url", Keyword(index=False))
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.mapping(mapping)
    return index


def entry_document(entry: SearchEntry) -> dict:
    return {
        "_id": f"{entry.owner}#{entry.anchor}",
        "owner": entry.owner,
        "anchor": entry.anchor,
        "language": entry.language,
        "section_key": entry.section_key,
        "section_label": entry.section_label,
        "heading": entry.heading,
        "url": entry.url,
        "text": entry.text,
        "tasks": entry.tasks,
    }


def build_search(query: str, language: str, section: str, start: int, size: int) -> Search:
    """The search request: heading and customer tasks weighted over text, forgiving a typo or
    two (fuzzy matching), filtered by language, facet counts by section (not narrowed by the
    chosen section: that is a post_filter), highlighted. The adapter then orders the first
    hits by search.ranking, as the database adapter does."""
    search = Search(index=alias_name()).query(
        Q(
            "bool",
            must=[
                Q(
                    "multi_match",
                    query=query,
                    fields=["heading^3", "tasks^3", "text"],
                    type="best_fields",
                    tie_breaker=0.3,
                    fuzziness="AUTO",
                    prefix_length=1,
                )
            ],
            filter=[Q("terms", language=[language, ""])],
        )
    )
    search.aggs.bucket("sections", "terms", field="section_key", size=50).bucket(
        "label", "terms", field="section_label", size=1
    )
    if section:
        search = search.post_filter("term", section_key=section)
    search = search.highlight_options(**HIGHLIGHT)
    search = search.highlight("text", fragment_size=240, number_of_fragments=1, no_match_size=240)
    search = search.highlight("heading", number_of_fragments=0)
    search = search.source(["heading", "url", "section_key", "section_label", "tasks"])
    search = search.extra(track_total_hits=True)
    return search[start : start + size]


def build_suggest(prefix: str, language: str, size: int) -> Search:
    """Search-as-you-type on headings: every word a prefix, the last one partial."""
    search = Search(index=alias_name()).query(
        Q(
            "bool",
            must=[
                Q(
                    "multi_match",
                    query=prefix,
                    type="bool_prefix",
                    fields=["heading.suggest", "heading.suggest._2gram", "heading.suggest._3gram"],
                )
            ],
            filter=[Q("terms", language=[language, ""])],
        )
    )
    return search.source(["heading", "url", "section_label", "section_key"])[:size]


def replace_owner(owner: str, entries: Iterable[SearchEntry]) -> None:
    es = client()
    es.delete_by_query(
        index=alias_name(), query={"term": {"owner": owner}}, refresh=True, conflicts="proceed"
    )
    actions = [{"_index": alias_name(), **entry_document(entry)} for entry in entries]
    if actions:
        bulk(es, actions, refresh=True)


def rebuild(entries: Iterable[SearchEntry]) -> str:
    """Build a fresh index from the entries and point the alias at it; returns its name."""
    from .synonyms import raw_groups

    es = client()
    alias = alias_name()
    name = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    build_index(name, raw_groups()).create(using=es)
    bulk(es, ({"_index": name, **entry_document(entry)} for entry in entries), refresh=True)
    old = []
    if es.indices.exists_alias(name=alias):
        old = list(es.indices.get_alias(name=alias).keys())
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": name, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    for index in old:
        es.indices.delete(index=index, ignore_unavailable=True)
    return name
