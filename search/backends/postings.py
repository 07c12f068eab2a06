"""The site search's query on SQLite and PostgreSQL alike: SearchPosting, an inverted index of
the same stems as the other adapters (search.text), one row per stem and entry with its
weight, computed here once for both databases.

Every match of a query is scored in one aggregate over the postings of its stems, read from a
covering index, and only the best `limit` come back (a top-N sort). The weights follow
PostgreSQL's ts_rank, which this index replaced: per field (heading with tasks, four times;
text) each stem's occurrences count 1, 1/4, 1/9… (saturating), and the field's sum is divided
by 1 + the log of its length (normalisation 1). Both databases thus sum the same numbers in the
same SQL, and search.ranking orders the same candidates the same way: one ranking on both
(SQLite's FTS5 bm25 and ts_rank had ranked some questions differently).
"""

import math
from collections import Counter
from collections.abc import Iterable

from django.db import connection

from ..models import SearchEntry, SearchPosting
from ..ranking import Candidate
from ..text import stems, stop_stems
from .base import Matches

TITLE_WEIGHT = 4


def enabled() -> bool:
    return connection.vendor in ("postgresql", "sqlite")


def _field_weights(field: list[str]) -> dict[str, float]:
    norm = 1 + math.log(max(1, len(field)))
    return {
        stem: sum(1 / n**2 for n in range(1, count + 1)) / norm
        for stem, count in Counter(field).items()
    }


def weights(heading: str, tasks: str, text: str) -> dict[str, float]:
    """Each meaningful stem of an entry and its weight."""
    stop = stop_stems()
    title = _field_weights(stems(f"{heading}\n{tasks}"))
    body = _field_weights(stems(text))
    return {
        stem[:100]: TITLE_WEIGHT * title.get(stem, 0.0) + body.get(stem, 0.0)
        for stem in title.keys() | body.keys()
        if stem not in stop
    }


def postings(entry: SearchEntry) -> list[SearchPosting]:
    return [
        SearchPosting(
            entry=entry,
            stem=stem,
            language=entry.language,
            section_key=entry.section_key,
            weight=weight,
        )
        for stem, weight in weights(entry.heading, entry.tasks, entry.text).items()
    ]


def write(entries: Iterable[SearchEntry]) -> None:
    """Postings of newly created entries (those of replaced entries went with them)."""
    if enabled():
        rows = [posting for entry in entries for posting in postings(entry)]
        SearchPosting.objects.bulk_create(rows, batch_size=2000)


# One round trip: every match is scored once (the CTE), then come back together the section
# counts, the stems that occur at all (the query's words that found something) and the best
# `limit` of the chosen section with the fields the ranking reads. Equal scores are ordered
# by URL, byte by byte on both databases: the best `limit` scores (a top-N sort) and every
# other entry tied with the lowest of them are read with their URL, then cut to `limit`.
# Only those few rows are joined to their entries.
SQL = """
    WITH matches AS (
        SELECT entry_id, section_key, round(sum(weight) * 1e6) / 1e6 AS score
        FROM search_searchposting
        WHERE stem IN ({terms}) AND language IN (%(language)s, '')
        GROUP BY entry_id, section_key
    ), top AS (
        SELECT entry_id, score FROM matches
        WHERE %(section)s = '' OR section_key = %(section)s
        ORDER BY score DESC LIMIT %(limit)s
    ), cut AS (
        SELECT min(score) AS score FROM top
    ), tied AS (
        SELECT entry_id, score FROM top WHERE score > (SELECT score FROM cut)
        UNION ALL
        SELECT entry_id, score FROM matches
        WHERE (%(section)s = '' OR section_key = %(section)s) AND score = (SELECT score FROM cut)
    ), best AS (
        SELECT entry.id, tied.score, entry.heading, entry.tasks, entry.url
        FROM tied JOIN search_searchentry AS entry ON entry.id = tied.entry_id
        ORDER BY tied.score DESC, entry.url{binary}
        LIMIT %(limit)s
    )
    SELECT 'entry', NULL, score, id, heading, tasks, url FROM best
    UNION ALL
    SELECT 'section', section_key, count(*), NULL, NULL, NULL, NULL
    FROM matches GROUP BY section_key
{found}"""
# One index probe a stem: does it occur at all?
FOUND = """
    UNION ALL
    SELECT 'stem', %(t{i})s, 0, NULL, NULL, NULL, NULL WHERE EXISTS (
        SELECT 1 FROM search_searchposting
        WHERE stem = %(t{i})s AND language IN (%(language)s, '')
    )"""
# Byte order of URLs: SQLite's default collation; PostgreSQL's is the database's locale.
BINARY = {"postgresql": ' COLLATE "C"', "sqlite": ""}


def matches(terms: list[str], language: str, section: str, limit: int) -> Matches:
    """The matches of the stems, the best ordered by score, then URL. The sum is rounded: a
    float sum depends on the order the database reads the rows in, and equal scores must tie
    (then the URL decides) in every database alike. It is rounded as a float: through
    numeric, PostgreSQL's aggregate took twice as long."""
    params = {f"t{i}": term for i, term in enumerate(terms)}
    params |= {"language": language, "section": section, "limit": limit}
    placeholders = ", ".join(f"%(t{i})s" for i in range(len(terms)))
    found = "".join(FOUND.format(i=i) for i in range(len(terms)))
    sql = SQL.format(terms=placeholders, found=found, binary=BINARY[connection.vendor])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts = Counter({key: int(count) for kind, key, count, *_ in rows if kind == "section"})
    occurring = frozenset(key for kind, key, *_ in rows if kind == "stem")
    best = sorted(
        (
            Candidate(pk, score, heading, tasks, url)
            for kind, _k, score, pk, heading, tasks, url in rows
            if kind == "entry"
        ),
        key=lambda candidate: (-candidate.engine_score, candidate.url),
    )
    return Matches(counts, best, occurring)
