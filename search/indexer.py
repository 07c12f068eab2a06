"""Keeps the search index in step with the content: on publish, save and delete, and in a
full rebuild (`manage.py update_site_search`).

The database index (SearchEntry rows, searched through Wagtail's database backend) is always
kept: it is the embedded default and the fallback when Elasticsearch cannot be reached. When
ELASTICSEARCH_URL is set, the same entries also go to Elasticsearch; a failure there is
logged and never breaks a publish.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.search.backends import get_search_backend

from core.expiry import records_changed

from . import spelling
from .backends import postings
from .models import SearchEntry, SearchPosting, SearchTerm
from .sources import EntryData, ModelSource, source_for, sources

logger = logging.getLogger(__name__)


def _save_entries(
    owner: str, entries: Iterable[EntryData], add_to_backend: bool = True
) -> list[SearchEntry]:
    backend = get_search_backend()
    old = list(SearchEntry.objects.filter(owner=owner))
    for entry in old:
        backend.delete(entry)
    SearchEntry.objects.filter(owner=owner).delete()
    created = []
    seen: set[str] = set()
    for data in entries:
        if data.anchor in seen:
            continue
        seen.add(data.anchor)
        entry = SearchEntry(
            owner=owner,
            anchor=data.anchor[:100],
            language=data.language,
            section_key=data.section_key[:100],
            section_label=data.section_label[:255],
            heading=data.heading[:255],
            url=data.url[:500],
            text=data.text,
            tasks=data.tasks,
        )
        entry.save()
        created.append(entry)
    if created and add_to_backend:
        backend.add_bulk(SearchEntry, created)
        postings.write(created)
    forget_labels({entry.language for entry in [*old, *created]})
    return created


def entry_texts(entries: Iterable[SearchEntry]) -> Iterable[str]:
    """What the vocabulary of spelling correction learns from an entry."""
    for entry in entries:
        yield from (entry.heading, entry.tasks, entry.text)


def forget_labels(languages) -> None:
    from .backends.database import LABELS_CACHE_KEY

    languages = set(languages)
    if "" in languages:  # language-neutral entries (documents) appear in every language
        languages |= {code for code, _name in settings.LANGUAGES}
    cache.delete_many([LABELS_CACHE_KEY.format(language) for language in languages])


def _results_changed() -> None:
    """Cached searches expire once the index has changed (not when the page did: the worker
    indexes a publish later, and a search cached in between would keep the old results)."""
    records_changed(SearchEntry._meta.label)


def _to_elasticsearch(owner: str, entries: list[SearchEntry]) -> None:
    if not settings.ELASTICSEARCH_URL:
        return
    from . import elastic

    try:
        elastic.replace_owner(owner, entries)
    except Exception:  # any failure of the remote index must not break a publish
        logger.exception("Elasticsearch indexing of %s failed; the database is current", owner)


def index_object(obj: Any, source: ModelSource | None = None) -> list[SearchEntry]:
    source = source or source_for(obj)
    if source is None:
        return []
    owner = source.owner(obj)
    with transaction.atomic():
        entries = _save_entries(owner, source.entries(obj))
        spelling.learn(entry_texts(entries))
    _to_elasticsearch(owner, entries)
    _results_changed()
    return entries


def remove_object(obj: Any, source: ModelSource | None = None) -> None:
    source = source or source_for(obj)
    if source is None:
        return
    owner = source.owner(obj)
    with transaction.atomic():
        _save_entries(owner, [])
    _to_elasticsearch(owner, [])
    _results_changed()


def index_many(objects: Iterable[Any], source: ModelSource) -> int:
    """Index many objects with one bulk insert into Wagtail's backend (which recomputes its
    title norms over the whole table after every insert: once, not once per object)."""
    created: list[SearchEntry] = []
    with transaction.atomic():
        for obj in objects:
            created += _save_entries(source.owner(obj), source.entries(obj), add_to_backend=False)
        get_search_backend().add_bulk(SearchEntry, created)
        postings.write(created)
        spelling.learn(entry_texts(created))
    _results_changed()
    return len(created)


def rebuild() -> int:
    """Re-index every registered source from scratch; returns the number of entries."""
    backend = get_search_backend()
    with transaction.atomic():
        for entry in SearchEntry.objects.all().iterator():
            backend.delete(entry)
        SearchPosting.objects.all().delete()
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        for source in sources():
            index_many(source.all_objects(), source)
    forget_labels({""})
    if settings.ELASTICSEARCH_URL:
        from . import elastic

        elastic.rebuild(SearchEntry.objects.all())
    _results_changed()
    return SearchEntry.objects.count()
