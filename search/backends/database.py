"""The embedded adapter: SearchEntry rows in the index of Wagtail's database backend.

Both the index and the query are Snowball stems (search.text), so Russian word forms match on
SQLite too; on PostgreSQL the backend's `russian` configuration then sees the same stems on
both sides. Wagtail's backend writes the index; the query is ours on SQLite (sqlite_fts:
FTS5 and bm25) and PostgreSQL (pg_fts: GIN indexes and ts_rank), with the heading weighted
above the text: Wagtail's own queries scale poorly on both (measured in benchmarks/). Any
other database goes through Wagtail's backend.
"""

from collections import Counter
from typing import ClassVar

from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.db.models.functions import Length
from django.utils.translation import gettext
from wagtail.search.backends import get_search_backend

from ..models import SearchEntry
from ..sources import DOCUMENTS_SECTION
from ..synonyms import expand
from ..text import highlight, meaningful, normalize, stems
from . import pg_fts, sqlite_fts
from .base import PER_PAGE, SUGGESTIONS, Facet, Hit, SearchResults, Suggestion


def section_label(key: str, label: str) -> str:
    if key == DOCUMENTS_SECTION:
        return gettext("Documents")
    return label


LABELS_CACHE_KEY = "site-search:section-labels:{}"


def section_labels(language: str) -> dict[str, str]:
    """Section key → label in a language; cached until the index changes (indexer)."""
    key = LABELS_CACHE_KEY.format(language)
    labels = cache.get(key)
    if labels is None:
        labels = dict(
            SearchEntry.objects.filter(language__in=[language, ""])
            .values_list("section_key", "section_label")
            .distinct()
        )
        cache.set(key, labels, 3600)
    return labels


def query_stems(query: str) -> list[str]:
    """The stems a query searches for: its meaningful words plus editors' synonyms."""
    found = stems(query)
    return list(dict.fromkeys(meaningful(expand(found))))


class DatabaseAdapter:
    name: ClassVar[str] = "database"
    unavailable_errors: ClassVar[tuple[type[Exception], ...]] = ()

    def _entries(self, language: str):
        return SearchEntry.objects.filter(language__in=[language, ""])

    def search(self, query: str, language: str, section: str = "", page: int = 1) -> SearchResults:
        terms = query_stems(query)
        if not terms:
            return SearchResults(query=query, total=0, hits=[], facets=[], backend=self.name)
        if connection.vendor == "sqlite" and sqlite_fts.available():
            return self._search_ranked(sqlite_fts.ranked, query, terms, language, section, page)
        if connection.vendor == "postgresql":
            return self._search_ranked(pg_fts.ranked, query, terms, language, section, page)
        text = " ".join(terms)
        backend = get_search_backend()
        everything = backend.search(text, self._entries(language), operator="or")
        counts = everything.facet("section_key")
        return self._results(query, terms, language, section, page, counts, everything, backend)

    def _search_ranked(self, rank, query, terms, language, section, page) -> SearchResults:
        ranked = rank(terms, language)
        counts = Counter(key for _pk, key in ranked)
        chosen = [pk for pk, key in ranked if not section or key == section]
        total = len(chosen)
        page = max(1, min(page, max(1, -(-total // PER_PAGE))))
        ids = chosen[(page - 1) * PER_PAGE : page * PER_PAGE]
        entries = SearchEntry.objects.in_bulk(ids)
        return SearchResults(
            query=query,
            total=total,
            hits=[self._hit(entries[pk], set(terms)) for pk in ids if pk in entries],
            facets=self._facets(counts, language, section),
            page=page,
            backend=self.name,
            query_terms=terms,
        )

    def _hit(self, entry: SearchEntry, marked: set[str]) -> Hit:
        return Hit(
            heading=entry.heading,
            url=entry.url,
            section_key=entry.section_key,
            section_label=section_label(entry.section_key, entry.section_label),
            snippet=highlight(entry.text or entry.heading, marked),
        )

    def _facets(self, counts, language: str, section: str) -> list[Facet]:
        labels = section_labels(language)
        return [
            Facet(key, section_label(key, labels.get(key, key)), count, key == section)
            for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]

    def _results(self, query, terms, language, section, page, counts, everything, backend):
        text = " ".join(terms)
        labels = section_labels(language)
        facets = [
            Facet(key, section_label(key, labels.get(key, key)), count, key == section)
            for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        results = everything
        total = sum(counts.values())
        if section:
            results = backend.search(
                text, self._entries(language).filter(section_key=section), operator="or"
            )
            total = counts.get(section, 0)
        page = max(1, min(page, max(1, -(-total // PER_PAGE))))
        start = (page - 1) * PER_PAGE
        marked = set(terms)
        hits = [
            Hit(
                heading=entry.heading,
                url=entry.url,
                section_key=entry.section_key,
                section_label=section_label(entry.section_key, entry.section_label),
                snippet=highlight(entry.text or entry.heading, marked),
            )
            for entry in results[start : start + PER_PAGE]
        ]
        return SearchResults(
            query=query,
            total=total,
            hits=hits,
            facets=facets,
            page=page,
            backend=self.name,
            query_terms=terms,
        )

    def suggest(self, prefix: str, language: str) -> list[Suggestion]:
        prefix = " ".join(normalize(prefix).split())
        if len(prefix) < 2:
            return []
        entries = (
            self._entries(language)
            .filter(Q(heading_norm__startswith=prefix) | Q(heading_norm__contains=" " + prefix))
            .order_by(Length("heading"), "heading")
            .values_list("heading", "url", "section_key", "section_label")[:SUGGESTIONS]
        )
        return [
            Suggestion(heading, url, section_label(key, label))
            for heading, url, key, label in entries
        ]
