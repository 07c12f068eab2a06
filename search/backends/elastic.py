"""The Elasticsearch adapter (see search.elastic for the index and the query bodies)."""

from typing import ClassVar

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import elastic, ranking
from .base import PER_PAGE, SUGGESTIONS, Facet, Hit, SearchResults, Suggestion
from .database import section_label


class ElasticsearchAdapter:
    name: ClassVar[str] = "elasticsearch"
    unavailable_errors: ClassVar[tuple[type[Exception], ...]] = elastic.UNAVAILABLE

    def __init__(self, url: str):
        self.url = url

    def search(self, query: str, language: str, section: str = "", page: int = 1) -> SearchResults:
        if not query.strip():
            return SearchResults(query=query, total=0, hits=[], facets=[], backend=self.name)
        page = max(1, page)
        start, size = (page - 1) * PER_PAGE, PER_PAGE
        reorder = page * PER_PAGE <= ranking.CANDIDATES
        if reorder:  # the first pages: the best candidates, in the order of search.ranking
            start, size = 0, ranking.CANDIDATES
        request = elastic.build_search(query, language, section, start, size)
        response = request.using(elastic.client(self.url)).execute()
        facets = []
        for bucket in response.aggregations.sections.buckets:
            labels = bucket.label.buckets
            label = labels[0].key if labels else bucket.key
            label = section_label(bucket.key, label)
            facets.append(Facet(bucket.key, label, bucket.doc_count, bucket.key == section))
        found = list(response)
        if reorder:
            candidates = [
                ranking.Candidate(
                    hit, hit.meta.score or 0.0, hit.heading, getattr(hit, "tasks", ""), hit.url
                )
                for hit in found
            ]
            ordered = [c.key for c in ranking.order(ranking.parse(query), candidates)]
            found = ordered[(page - 1) * PER_PAGE : page * PER_PAGE]
        hits = []
        for hit in found:
            fragments = getattr(hit.meta, "highlight", None)
            snippet = (
                mark_safe(fragments.text[0])
                if fragments is not None and "text" in fragments
                else escape(hit.heading)
            )
            hits.append(
                Hit(
                    heading=hit.heading,
                    url=hit.url,
                    section_key=hit.section_key,
                    section_label=section_label(hit.section_key, hit.section_label),
                    snippet=snippet,
                )
            )
        return SearchResults(
            query=query,
            total=response.hits.total.value,
            hits=hits,
            facets=facets,
            page=page,
            backend=self.name,
        )

    def suggest(self, prefix: str, language: str) -> list[Suggestion]:
        if len(prefix.strip()) < 2:
            return []
        request = elastic.build_suggest(prefix, language, SUGGESTIONS)
        response = request.using(elastic.client(self.url)).execute()
        return [
            Suggestion(hit.heading, hit.url, section_label(hit.section_key, hit.section_label))
            for hit in response
        ]
