"""The interface both adapters implement, and what they return."""

from collections import Counter
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from ..ranking import Candidate

PER_PAGE = 10
SUGGESTIONS = 8


@dataclass
class Hit:
    heading: str
    url: str
    section_key: str
    section_label: str
    snippet: str  # HTML: escaped text with <mark> around the matched words


@dataclass
class Facet:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    facets: list[Facet]
    page: int = 1
    per_page: int = PER_PAGE
    backend: str = ""
    query_terms: list[str] = field(default_factory=list)
    # What the customer typed, when the results are those of a corrected query.
    typed: str = ""
    # Why nothing was searched: "general" (only words like «как», «где») or "no-words".
    not_searched: str = ""
    # Every word of the query found something in the index (then no spelling is corrected);
    # False also when the adapter cannot tell.
    every_word_found: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0


@dataclass
class Matches:
    """What an engine of the database adapter found: how many entries match in each section,
    the best of the chosen section (as many as asked, most relevant first) with the fields
    search.ranking reads, and which of the query's stems occur in the index (None: the engine
    does not say)."""

    counts: Counter[str]
    best: list[Candidate]
    stems: frozenset[str] | None = None


@dataclass
class Suggestion:
    heading: str
    url: str
    section_label: str = ""


class SearchAdapter(Protocol):
    name: ClassVar[str]
    unavailable_errors: ClassVar[tuple[type[Exception], ...]]

    def search(
        self, query: str, language: str, section: str = "", page: int = 1
    ) -> SearchResults: ...

    def suggest(self, prefix: str, language: str) -> list[Suggestion]: ...
