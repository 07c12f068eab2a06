"""Server-side render time and SQL queries of the key public pages, in process (no network,
no page cache), with the demo content: each page is requested once to warm the caches, then
timed over repeated requests (wall clock, and the CPU time of this process, which a loaded
machine does not inflate). Run: .venv/bin/python benchmarks/page_render.py [repeats] [url]:
with a url, prints pyinstrument's profile of rendering it `repeats` times instead."""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._setup import setup

PAGES = [
    "/",
    "/clients/",
    "/clients/tariffs/",
    "/clients/contracts/",
    "/clients/payment/",
    "/clients/meter-readings/",
    "/clients/faq/",
    "/contacts/",
    "/reception/",
    "/search/?q=тарифы",
    "/en/clients/tariffs/",
]


class QueryCounter:
    """A database execute wrapper that counts the statements it lets through."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main(repeats: int) -> None:
    backend = setup("ruses-bench-render.sqlite3")
    from django.db import connection
    from django.test import Client

    client = Client()
    print(f"== {time.strftime('%d.%m.%Y')} {backend}, {repeats} requests a page")
    print(f"{'page':28} {'queries':>7} {'p50 ms':>7} {'p95 ms':>7} {'req/s':>6} {'CPU ms':>6}")
    for url in PAGES:
        assert client.get(url).status_code == 200, url
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            client.get(url)
        timings = []
        cpu = time.process_time()
        for _ in range(repeats):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        cpu_ms = (time.process_time() - cpu) * 1000 / repeats
        print(f"{url:28} {queries.count:7} {p50:7.1f} {p95:7.1f} {1000 / p50:6.0f} {cpu_ms:6.1f}")


def profile(url: str, repeats: int) -> None:
    setup("ruses-bench-render.sqlite3")
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    assert client.get(url).status_code == 200, url
    with Profiler(interval=0.0005) as profiler:
        for _ in range(repeats):
            client.get(url)
    print(profiler.output_text(color=False, unicode=True))


if __name__ == "__main__":
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    if len(sys.argv) > 2:
        profile(sys.argv[2], repeats)
    else:
        main(repeats)
