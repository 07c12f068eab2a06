"""Relevance of the site search: success@k over a set of customer questions
(benchmarks/relevance_set.json), each with the URLs a good answer would be at.
Used by benchmarks/relevance.py (recorded figures) and by the test suite (a floor)."""

import json
from dataclasses import dataclass
from pathlib import Path

from . import backends

SET_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "relevance_set.json"


@dataclass
class Case:
    query: str
    expect: list[str]
    found: list[str]
    k: int

    @property
    def success(self) -> bool:
        return any(url in self.expect for url in self.found[: self.k])


def load_set() -> list[dict]:
    return json.loads(SET_PATH.read_text(encoding="utf-8"))


def evaluate(k: int = 3, language: str = "ru") -> tuple[float, list[Case]]:
    cases = []
    for item in load_set():
        results = backends.search(item["q"], language)
        cases.append(Case(item["q"], item["expect"], [hit.url for hit in results.hits], k))
    score = sum(case.success for case in cases) / len(cases)
    return score, cases
