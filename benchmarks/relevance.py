"""Relevance of the site search: success@1, success@3 and MRR over
benchmarks/relevance_set.json (customer questions → the pages that answer each), per part of
the set (dev: may be tuned on; test: held out), on the demo content.

    .venv/bin/python benchmarks/relevance.py                  # SQLite (a fresh /tmp file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruses_bench \
        .venv/bin/python benchmarks/relevance.py

Appends the scores and the misses at 3 to benchmarks/relevance.txt.
"""

import datetime
from pathlib import Path

from _setup import setup, write

OUTPUT = Path(__file__).resolve().parent / "relevance.txt"


def main() -> None:
    backend = setup("ruses-bench-relevance.sqlite3")
    from search.relevance import evaluate

    text = f"\n== {datetime.date.today():%d.%m.%Y} database adapter on {backend}\n"
    for part, scores in evaluate().items():
        hits1 = sum(case.success(1) for case in scores.cases)
        hits3 = sum(case.success(3) for case in scores.cases)
        count = len(scores.cases)
        text += (
            f"{part:4} ({count} questions): success@1 {scores.success(1):.3f} ({hits1}/{count}),"
            f" success@3 {scores.success(3):.3f} ({hits3}/{count}), MRR {scores.mrr:.3f}\n"
        )
        for case in scores.misses(3):
            text += f"  miss@3: «{case.query}» expected {case.expect[0]}, got {case.found[:3]}\n"
    write(OUTPUT, text)


if __name__ == "__main__":
    main()
