"""Latency of the site search with 5,000 generated pages (plus the demo content), on the
database adapter of whatever DATABASE_URL points at.

    .venv/bin/python benchmarks/search_latency.py             # SQLite (a fresh /tmp file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruses_bench \
        .venv/bin/python benchmarks/search_latency.py

Generates the pages once (published, indexed as on publish, without revisions), then times
every question of the relevance set and some single words, warm, several rounds: the adapter
call (search, facets, snippets) and the whole /search/ response (view and template).
Appends p50/p95 to benchmarks/search_latency.txt.
"""

import datetime
import random
import statistics
import time
from pathlib import Path

from _setup import setup, write

OUTPUT = Path(__file__).resolve().parent / "search_latency.txt"
PAGES = 5000
ROUNDS = 5
WORDS = 150


def vocabulary() -> list[str]:
    from search.text import WORD_RE

    text = (
        Path(__file__).resolve().parent.parent / "disclosure/data/service-quality-standard.ru.txt"
    ).read_text(encoding="utf-8")
    return [w for w in WORD_RE.findall(text) if len(w) > 3]


def generate(count: int) -> int:
    from django.db import connection
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Page

    from home.models import SectionPage, StandardPage
    from search import indexer
    from search.models import SearchEntry
    from search.sources import PAGES

    home = Page.objects.get(depth=2, locale__language_code="ru")
    section = SectionPage.objects.filter(slug="bench").first()
    if section is None:
        section = SectionPage(title="Сгенерированные страницы", slug="bench")
        home.add_child(instance=section)
    existing = section.get_children().count()
    rng = random.Random(7 + existing)
    words = vocabulary()
    # Wagtail's own page index (the admin's search) re-averages its title lengths over the
    # whole table on every insert; the site search does not use it, so it is left out here.
    post_save.disconnect(post_save_signal_handler, sender=StandardPage)
    for n in range(existing, count):
        title = " ".join(rng.choices(words, k=4)).capitalize()
        lead = " ".join(rng.choices(words, k=WORDS))
        page = StandardPage(title=title, slug=f"p{n}", lead=lead)
        section.add_child(instance=page)
    # Index every generated page not indexed yet (also those of an interrupted earlier run).
    indexed = set(SearchEntry.objects.values_list("owner", flat=True))
    missing = [p for p in section.get_children().specific() if PAGES.owner(p) not in indexed]
    indexer.index_many(missing, PAGES)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after so many inserts (this machine's PostgreSQL runs
        # without it): fresh statistics, and a visibility map that lets the search read its
        # postings from the covering index alone (without it, p95 was twice as long).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return section.get_children().count()


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    backend = setup("ruses-bench-latency.sqlite3")
    from django.test import Client

    from search import backends
    from search.models import SearchEntry
    from search.relevance import load_set

    started = time.perf_counter()
    pages = generate(PAGES)
    generated_in = time.perf_counter() - started
    queries = [item["q"] for item in load_set()] + [
        "тарифы",
        "оплата",
        "показания",
        "договор",
        "обслуживание клиентов",
    ]
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    for query in queries:  # warm
        backends.search(query, "ru")
    adapter_ms, page_ms = [], []
    for _round in range(ROUNDS):
        for query in queries:
            t0 = time.perf_counter()
            backends.search(query, "ru")
            adapter_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            response = client.get("/search/", {"q": query})
            page_ms.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
    text = (
        f"\n== {datetime.date.today():%d.%m.%Y} database adapter on {backend}: "
        f"{pages} generated pages, {SearchEntry.objects.count()} index entries "
        f"(generation and indexing took {generated_in:.0f} s)\n"
        f"{len(queries)} queries x {ROUNDS} rounds, warm, one process, 2-core shared machine\n"
        f"adapter (search + facets + snippets): p50 {statistics.median(adapter_ms):.1f} ms, "
        f"p95 {percentile(adapter_ms, 95):.1f} ms, max {max(adapter_ms):.1f} ms\n"
        f"/search/ page (view + template):      p50 {statistics.median(page_ms):.1f} ms, "
        f"p95 {percentile(page_ms, 95):.1f} ms, max {max(page_ms):.1f} ms\n"
    )
    write(OUTPUT, text)


if __name__ == "__main__":
    main()
