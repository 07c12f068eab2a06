"""One search interface, two adapters: the database (embedded default) and Elasticsearch
(when settings.ELASTICSEARCH_URL is set). `search()` falls back to the database when
Elasticsearch cannot be reached, and logs it."""

import logging

from django.conf import settings
from django.core.cache import cache

from .. import ranking, spelling
from ..text import words
from .base import SearchAdapter, SearchResults, Suggestion
from .database import DatabaseAdapter

logger = logging.getLogger("search")

__all__ = [
    "DatabaseAdapter",
    "SearchAdapter",
    "SearchResults",
    "Suggestion",
    "get_adapter",
    "search",
    "suggest",
]


# After a failure, the database serves for this long before Elasticsearch is tried again, so
# that an unreachable server does not cost every visitor a timeout.
RETRY_AFTER = 30
DOWN_KEY = "site-search:elasticsearch-down"


def get_adapter() -> SearchAdapter:
    if settings.ELASTICSEARCH_URL and not cache.get(DOWN_KEY):
        from .elastic import ElasticsearchAdapter

        return ElasticsearchAdapter(settings.ELASTICSEARCH_URL)
    return DatabaseAdapter()


def _unavailable(adapter: SearchAdapter, error: Exception) -> None:
    cache.set(DOWN_KEY, True, RETRY_AFTER)
    logger.warning("Search adapter %s is unavailable (%s); using the database", adapter.name, error)


def _search(query: str, language: str, section: str, page: int) -> SearchResults:
    adapter = get_adapter()
    try:
        return adapter.search(query, language, section=section, page=page)
    except adapter.unavailable_errors as error:
        _unavailable(adapter, error)
        return DatabaseAdapter().search(query, language, section=section, page=page)


def search(
    query: str, language: str, section: str = "", page: int = 1, exact: bool = False
) -> SearchResults:
    """Search on the adapter of the site. A query of stop words or punctuation only is not
    searched; one with a word that found nothing (a typo, the wrong keyboard layout) is
    corrected, unless `exact`, and the corrected results say what was typed. When every word
    found something, the spelling is not looked up at all."""
    if not ranking.parse(query).concepts:
        reason = "general" if words(query) else "no-words"
        return SearchResults(query=query, total=0, hits=[], facets=[], not_searched=reason)
    results = _search(query, language, section, page)
    if exact or results.every_word_found:
        return results
    corrected = spelling.correct(query)
    if corrected:
        fixed = _search(corrected, language, section, page)
        if fixed.total:
            fixed.typed = query
            return fixed
    return results


def suggest(prefix: str, language: str) -> list[Suggestion]:
    adapter = get_adapter()
    try:
        return adapter.suggest(prefix, language)
    except adapter.unavailable_errors as error:
        _unavailable(adapter, error)
        return DatabaseAdapter().suggest(prefix, language)
