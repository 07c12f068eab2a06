"""Editors' synonyms (SynonymGroup) applied to a query: «ЛС» also searches «лицевой счёт»."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import SynonymGroup
from .text import normalize, stems

CACHE_KEY = "site-search:synonyms"

Phrase = tuple[str, ...]


def groups() -> list[list[Phrase]]:
    """Every synonym group as lists of stemmed phrases (cached until a group changes)."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = [
            [tuple(stems(term)) for term in group.term_list()]
            for group in SynonymGroup.objects.all()
        ]
        cache.set(CACHE_KEY, cached, None)
    return cached


def raw_groups() -> list[list[str]]:
    """The groups as normalised words, for Elasticsearch's synonym filter."""
    return [[normalize(term) for term in group.term_list()] for group in SynonymGroup.objects.all()]


def _contains(haystack: list[str], needle: Phrase) -> bool:
    size = len(needle)
    return size > 0 and any(
        tuple(haystack[i : i + size]) == needle for i in range(len(haystack) - size + 1)
    )


def expand(query_stems: list[str]) -> list[str]:
    """The query's stems plus the stems of every synonym of a phrase the query contains."""
    extra: list[str] = []
    for group in groups():
        if any(_contains(query_stems, phrase) for phrase in group):
            for phrase in group:
                extra.extend(s for s in phrase if s not in query_stems and s not in extra)
    return query_stems + extra


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def _forget(**kwargs) -> None:
    cache.delete(CACHE_KEY)
