"""Relevance of the site search: success@3 over benchmarks/relevance_set.json (customer
questions → the page that answers each), on the demo content.

    .venv/bin/python benchmarks/relevance.py                  # SQLite (a fresh /tmp file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruses_bench \
        .venv/bin/python benchmarks/relevance.py

Appends the score and the misses to benchmarks/relevance.txt.
"""

import datetime
from pathlib import Path

from _setup import setup, write

OUTPUT = Path(__file__).resolve().parent / "relevance.txt"


def main() -> None:
    backend = setup("ruses-bench-relevance.sqlite3")
    from search.relevance import evaluate

    lines = []
    for k in (1, 3):
        score, cases = evaluate(k=k)
        lines.append(f"success@{k}: {score:.3f} ({sum(c.success for c in cases)}/{len(cases)})")
    misses = [c for c in cases if not c.success]
    text = f"\n== {datetime.date.today():%d.%m.%Y} database adapter on {backend}\n"
    text += "\n".join(lines) + "\n"
    for case in misses:
        text += f"  miss@3: «{case.query}» expected {case.expect[0]}, got {case.found[:3]}\n"
    write(OUTPUT, text)


if __name__ == "__main__":
    main()
