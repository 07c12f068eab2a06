"""Relevance of the site search over a set of customer questions
(benchmarks/relevance_set.json), each with the URLs a good answer would be at and its part:
`dev` (questions the ranking may be tuned on) or `test` (held out: written before the
ranking was tuned and never tuned on). Used by benchmarks/relevance.py (recorded figures)
and by the test suite (a floor).

success@k: the share of questions with an expected URL among the first k results; MRR: the
mean of 1/rank of the first expected URL (0 when it is not on the first page)."""

import json
from dataclasses import dataclass
from pathlib import Path

from . import backends

SET_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "relevance_set.json"
PARTS = ("dev", "test")


@dataclass
class Case:
    query: str
    expect: list[str]
    found: list[str]
    part: str = "dev"

    @property
    def rank(self) -> int | None:
        """1-based position of the first expected URL, None when it is not found."""
        return next((i for i, url in enumerate(self.found, 1) if url in self.expect), None)

    def success(self, k: int) -> bool:
        return self.rank is not None and self.rank <= k


@dataclass
class Scores:
    cases: list[Case]

    def success(self, k: int) -> float:
        return sum(case.success(k) for case in self.cases) / len(self.cases)

    @property
    def mrr(self) -> float:
        return sum(1 / case.rank for case in self.cases if case.rank) / len(self.cases)

    def misses(self, k: int) -> list[Case]:
        return [case for case in self.cases if not case.success(k)]


def load_set() -> list[dict]:
    return json.loads(SET_PATH.read_text(encoding="utf-8"))


def evaluate(language: str = "ru") -> dict[str, Scores]:
    """Scores per part of the set, on the adapter the site uses."""
    cases = []
    for item in load_set():
        results = backends.search(item["q"], language)
        found = [hit.url for hit in results.hits]
        cases.append(Case(item["q"], item["expect"], found, item.get("part", "dev")))
    return {part: Scores([c for c in cases if c.part == part]) for part in PARTS}
