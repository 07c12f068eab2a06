"""Relevance of the site search over a set of customer questions
(benchmarks/relevance_set.json), each with the URLs a good answer would be at and its part:
`dev` (questions the ranking may be tuned on) or `test` (held out: written before the
ranking was tuned and never tuned on). Used by benchmarks/relevance.py (recorded figures)
and by the test suite (a floor).

success@k: the share of questions with an expected URL among the first k results; MRR: the
mean of 1/rank of the first expected URL (0 when it is not on the first page).

An expected URL written `prefix{heading}` («/contacts/#centre-{ЦОК «Химки»}») is the URL of
the entry with that heading under that prefix: the ids and file names in such URLs (a service
centre's anchor, a document's address) are the database's own and differ between databases
(PostgreSQL's sequences do not go back when a transaction is rolled back; Wagtail renames a
file whose name is taken)."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import backends
from .models import SearchEntry

SET_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "relevance_set.json"
PARTS = ("dev", "test")
NAMED = re.compile(r"(?P<prefix>[^{]*)\{(?P<heading>[^}]+)\}")


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


def resolve(url: str, language: str) -> str:
    """An expected URL as this database spells it (see above)."""
    named = NAMED.fullmatch(url)
    if not named:
        return url
    urls = set(
        SearchEntry.objects.filter(
            url__startswith=named["prefix"], heading=named["heading"], language__in=[language, ""]
        ).values_list("url", flat=True)
    )
    if len(urls) != 1:
        raise ValueError(f"{url} names {len(urls)} entries: {sorted(urls)}")
    return urls.pop()


def evaluate(language: str = "ru") -> dict[str, Scores]:
    """Scores per part of the set, on the adapter the site uses."""
    cases = []
    for item in load_set():
        results = backends.search(item["q"], language)
        found = [hit.url for hit in results.hits]
        expect = [resolve(url, language) for url in item["expect"]]
        cases.append(Case(item["q"], expect, found, item.get("part", "dev")))
    return {part: Scores([c for c in cases if c.part == part]) for part in PARTS}
