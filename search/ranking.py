"""The ranking rules of the site search, written once and applied by every adapter.

Each engine (the database's postings, Elasticsearch) finds the entries that
contain a query's stems and gives each a score of its own; the first `CANDIDATES` of them are
then put in order here, by the same rules whatever the engine:

1. the exact title: the heading says what the query says (the same words, in any form, or
   editors' synonyms of them) — «стандарт качества обслуживания» finds the standard's page
   before its PDF, whose title has more words; a heading of nothing but query words, with
   the query saying a little more («ЦОК Химки адрес»), comes next;
2. a customer task (search.models.CustomerTask) that the query states — «передать показания»
   finds the form that takes them before the answers that describe it (a task the query
   only touches counts little);
3. how much of the query the heading covers, then
4. the engine's own score (text and heading matches), scaled to the best candidate's, which
   only orders what the rules above leave level;
5. the URL, so that equal candidates come in the same order on every database and after every
   re-index (entry ids are neither).

SQLite and PostgreSQL share one engine (search.backends.postings: the same weights summed by
the same SQL), so they give the same candidates the same scores; Elasticsearch's scores
differ, these rules do not.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .synonyms import contains, groups
from .text import stems, stop_stems

EXACT_TITLE = 6.0
NEAR_TITLE = 2.0
TASK = 10.0  # above EXACT_TITLE + HEADING: the page that does the task beats one named after it
HEADING = 3.0
ENGINE = 1.0
# How many of the engine's best matches the rules reorder (the first five pages of results);
# the rest keep the engine's order.
CANDIDATES = 50


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Query:
    """A query as the ranking sees it: one concept per meaningful word, each the set of
    phrases (tuples of stems) that express it: the word itself and, when the query contains
    one of editors' synonyms, every phrase of that group («квитанция» → «счёт на оплату»)."""

    concepts: tuple[frozenset[Phrase], ...]

    @property
    def terms(self) -> list[str]:
        """Every stem the engines search for, the query's own first."""
        return list(
            dict.fromkeys(
                stem
                for concept in self.concepts
                for phrase in sorted(concept, key=lambda phrase: (len(phrase), phrase))
                for stem in phrase
            )
        )

    def _present(self, field: frozenset[str]) -> list[list[Phrase]]:
        return [[phrase for phrase in concept if set(phrase) <= field] for concept in self.concepts]

    def covered(self, field: frozenset[str]) -> float:
        """The share of the query's concepts that a field expresses (a phrase entirely)."""
        if not self.concepts:
            return 0.0
        return sum(bool(found) for found in self._present(field)) / len(self.concepts)

    def found_in(self, index_stems: frozenset[str]) -> bool:
        """Whether every concept has a phrase whose stems all occur in the index."""
        return all(
            any(set(phrase) <= index_stems for phrase in concept) for concept in self.concepts
        )

    def share_of(self, field: frozenset[str]) -> float:
        """The share of a field's words that say something the query says."""
        if not field:
            return 0.0
        said = {stem for found in self._present(field) for phrase in found for stem in phrase}
        return len(said) / len(field)


def parse(text: str) -> Query:
    """The query's concepts; empty when it has only stop words or no words at all."""
    every = stems(text)
    stop = stop_stems()
    own = list(dict.fromkeys(stem for stem in every if stem not in stop))
    concepts: dict[str, set[Phrase]] = {stem: {(stem,)} for stem in own}
    for group in groups():
        matched = [phrase for phrase in group if contains(every, phrase)]
        alternatives = {
            meaningful
            for phrase in group
            if (meaningful := tuple(s for s in phrase if s not in stop))
        }
        for phrase in matched:
            for stem in phrase:
                if stem in concepts:
                    concepts[stem] |= alternatives
    return Query(tuple(frozenset(concepts[stem]) for stem in own))


@lru_cache(maxsize=10_000)
def field_stems(text: str) -> frozenset[str]:
    stop = stop_stems()
    return frozenset(stem for stem in stems(text) if stem not in stop)


def score(query: Query, heading: str, tasks: str, engine_share: float) -> float:
    words = field_stems(heading)
    query_in_heading = query.covered(words)
    heading_in_query = query.share_of(words)
    total = HEADING * query_in_heading * (1 + heading_in_query) / 2
    if query_in_heading == 1 and heading_in_query == 1:
        total += EXACT_TITLE
    elif heading_in_query == 1 and query_in_heading >= 0.5:
        total += NEAR_TITLE
    # A task counts in full when the query states it, and fades fast when it only shares a
    # word with it (the square).
    best_task = 0.0
    for phrase in tasks.splitlines():
        phrase_words = field_stems(phrase)
        best_task = max(best_task, query.covered(phrase_words) * query.share_of(phrase_words))
    return total + TASK * best_task**2 + ENGINE * engine_share


@dataclass
class Candidate:
    key: object  # what the adapter needs to find the entry again
    engine_score: float
    heading: str = ""
    tasks: str = ""
    url: str = ""


def order(query: Query, candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates by the rules above; `engine_score` is larger for a better match."""
    candidates = list(candidates)
    best = max((c.engine_score for c in candidates), default=0.0)
    scored = [
        (score(query, c.heading, c.tasks, c.engine_score / best if best > 0 else 0.0), c)
        for c in candidates
    ]
    scored.sort(key=lambda item: (-item[0], item[1].url))
    return [candidate for _score, candidate in scored]
