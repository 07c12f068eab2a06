"""Editors' synonyms (SynonymGroup): «ЛС» also searches «лицевой счёт» (search.ranking.parse)."""

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


def contains(haystack: list[str], needle: Phrase) -> bool:
    """Whether a list of stems contains a phrase, word for word."""
    size = len(needle)
    return size > 0 and any(
        tuple(haystack[i : i + size]) == needle for i in range(len(haystack) - size + 1)
    )


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def _forget(**kwargs) -> None:
    cache.delete(CACHE_KEY)
