"""The embedded adapter: SearchEntry rows in the index of Wagtail's database backend.

Both the index and the query are Snowball stems (search.text), so Russian word forms match on
SQLite too. On SQLite and PostgreSQL the query reads our own inverted index of the stems
(postings), with the heading weighted above the text, by the same SQL on both: Wagtail's own
queries scale poorly (measured in benchmarks/), and two engines ranked differently. Any other
database goes through Wagtail's backend, which keeps its index for that. The engine's best
matches are then ordered by the rules of search.ranking, the same for every adapter.
"""

from collections import Counter
from typing import ClassVar

from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Length
from django.utils.translation import gettext
from wagtail.search.backends import get_search_backend

from .. import ranking
from ..models import SearchEntry
from ..sources import DOCUMENTS_SECTION
from ..text import highlight, normalize
from . import postings
from .base import PER_PAGE, SUGGESTIONS, Facet, Hit, Matches, SearchResults, Suggestion


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


class DatabaseAdapter:
    name: ClassVar[str] = "database"
    unavailable_errors: ClassVar[tuple[type[Exception], ...]] = ()

    def _entries(self, language: str):
        return SearchEntry.objects.filter(language__in=[language, ""])

    def search(self, query: str, language: str, section: str = "", page: int = 1) -> SearchResults:
        parsed = ranking.parse(query)
        terms = parsed.terms
        if not terms:
            return SearchResults(query=query, total=0, hits=[], facets=[], backend=self.name)
        # Enough of the best for the page asked (a page past the last is the last page).
        limit = max(ranking.CANDIDATES, page * PER_PAGE)
        if postings.enabled():
            matches = postings.matches(terms, language, section, limit)
        else:
            matches = self._matches(terms, language, section, limit)
        total = matches.counts[section] if section else sum(matches.counts.values())
        page = max(1, min(page, max(1, -(-total // PER_PAGE))))
        head = ranking.order(parsed, matches.best[: ranking.CANDIDATES])
        ordered = [candidate.key for candidate in head + matches.best[ranking.CANDIDATES :]]
        ids = ordered[(page - 1) * PER_PAGE : page * PER_PAGE]
        entries = SearchEntry.objects.in_bulk(ids)
        return SearchResults(
            query=query,
            total=total,
            hits=[self._hit(entries[pk], set(terms)) for pk in ids if pk in entries],
            facets=self._facets(matches.counts, language, section),
            page=page,
            backend=self.name,
            query_terms=terms,
            every_word_found=matches.stems is not None and parsed.found_in(matches.stems),
        )

    def _matches(self, terms: list[str], language: str, section: str, limit: int) -> Matches:
        """Any other database: Wagtail's backend, its order as the score; every match comes
        back."""
        found = list(
            get_search_backend().search(" ".join(terms), self._entries(language), operator="or")
        )
        counts = Counter(entry.section_key for entry in found)
        chosen = [entry for entry in found if not section or entry.section_key == section]
        return Matches(
            counts,
            [
                ranking.Candidate(
                    entry.pk, float(len(found) - position), entry.heading, entry.tasks, entry.url
                )
                for position, entry in enumerate(chosen[:limit])
            ],
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
