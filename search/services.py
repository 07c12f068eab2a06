"""Search statistics: popular queries and queries that found nothing, for editors.

Queries that look like personal data (an account or phone number, an e-mail address) are
not recorded (152-FZ): a customer may type their account number into the search box.
"""

import datetime
import logging
import os
import re
import threading
from collections import Counter

from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, connections, transaction
from django.db.models import F, Sum
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from .models import QueryStat
from .text import normalize

MAX_QUERY = 200
# On a search's answer when it counts in the report (the first page of results): how many it
# found, for what counts the searches the proxy answers (search/proxy_log.py).
COUNTED_HEADER = "X-Search-Results"
PERSONAL = re.compile(r"\d{5,}|\d[\d\s()+-]{8,}\d|@")
logger = logging.getLogger(__name__)


def typed_query(text: str) -> str:
    """What the search page searches for, from the `q` a visitor sent."""
    return " ".join(text.split())[:MAX_QUERY]


def normalise(query: str) -> str:
    return " ".join(normalize(query).split())[:255]


def is_recordable(query: str) -> bool:
    return bool(query) and not PERSONAL.search(query)


def record_query(query: str, results: int, day: datetime.date, times: int = 1) -> None:
    query = normalise(query)
    if not is_recordable(query):
        return
    empty = times if results == 0 else 0
    updated = QueryStat.objects.filter(query=query, date=day).update(
        hits=F("hits") + times, empty_hits=F("empty_hits") + empty
    )
    if not updated:
        try:
            with transaction.atomic():
                QueryStat.objects.create(query=query, date=day, hits=times, empty_hits=empty)
        except IntegrityError:  # another request created the row first
            QueryStat.objects.filter(query=query, date=day).update(
                hits=F("hits") + times, empty_hits=F("empty_hits") + empty
            )


# Searches are counted in this process and written by its writer thread every COUNT_INTERVAL
# seconds: one UPDATE a query then, not one a search (which held search, rendered or from the
# page cache, to the database's write rate), and none in a request.
COUNT_INTERVAL = 10.0
_counted: Counter[tuple[str, bool, datetime.date]] = Counter()
_counted_lock = threading.Lock()
_writer: threading.Thread | None = None


def count_query(query: str, results: int, times: int = 1) -> None:
    global _writer
    with _counted_lock:
        _counted[(query, results == 0, timezone.localdate())] += times
        # Started by the first count; again in a forked child (threads do not survive a fork).
        if _writer is None or not _writer.is_alive():
            # Not a daemon, though granian's request threads are (a thread inherits it): the
            # interpreter waits for its last write when the main thread ends.
            _writer = threading.Thread(target=_write_until_exit, name="search-counts", daemon=False)
            _writer.start()


def _write_until_exit() -> None:
    """Writes every COUNT_INTERVAL, and once more when the main thread ends: a granian worker
    stopped by SIGTERM returns from its main thread but runs no atexit handler."""
    main = threading.main_thread()
    while True:
        main.join(COUNT_INTERVAL)
        try:
            write_counted_queries()
        finally:
            connections.close_all()  # this thread's own: one connection a write, none idle
        if not main.is_alive():
            return


def _forget_parents_counts() -> None:
    global _counted_lock
    _counted_lock = threading.Lock()  # another thread of the parent may have held it
    _counted.clear()  # the parent writes them


os.register_at_fork(after_in_child=_forget_parents_counts)


def forget_counted_queries() -> None:
    """Drops what was counted and not written (the tests: one test's counts are not another's)."""
    with _counted_lock:
        _counted.clear()


def write_counted_queries() -> None:
    with _counted_lock:
        counted = _counted.copy()
        _counted.clear()
    try:
        for (query, empty, day), times in list(counted.items()):
            record_query(query, 0 if empty else 1, day, times)
            del counted[query, empty, day]
    except DatabaseError as error:
        # Those not written are counted again: the statement that failed changed nothing.
        with _counted_lock:
            _counted.update(counted)
        reason = str(error).partition("\n")[0]  # not the detail, which may quote a query
        logger.warning(
            "Search counts of %d queries not written, kept for the next write: %s",
            len(counted),
            reason,
        )


def popular_queries(since: datetime.date, limit: int | None = 50) -> list[dict]:
    return list(
        QueryStat.objects.filter(date__gte=since)
        .values("query")
        .annotate(searches=Sum("hits"), empty=Sum("empty_hits"))
        .order_by("-searches", "query")[:limit]
    )


def queries_without_results(since: datetime.date, limit: int = 50) -> list[dict]:
    return list(
        QueryStat.objects.filter(date__gte=since)
        .values("query")
        .annotate(searches=Sum("hits"), empty=Sum("empty_hits"))
        .filter(empty__gt=0)
        .order_by("-empty", "query")[:limit]
    )


PROMOTIONS_CACHE_KEY = "site-search:promoted-queries"


def promotions_for(query: str) -> list[SearchPromotion]:
    """Editors' promoted results for a query. The set of promoted queries is cached, so a
    query without promotions costs no database round trip."""
    query = normalise_query_string(query)
    promoted = cache.get(PROMOTIONS_CACHE_KEY)
    if promoted is None:
        promoted = set(
            SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
        )
        cache.set(PROMOTIONS_CACHE_KEY, promoted, 3600)
    if query not in promoted:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=query)
        .select_related("page")
        .order_by("sort_order")
    )


@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def _forget_promotions(**kwargs) -> None:
    cache.delete(PROMOTIONS_CACHE_KEY)
