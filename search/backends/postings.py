"""The site search's query on PostgreSQL: SearchPosting, an inverted index of the same stems
as the other adapters (search.text), one row per stem and entry with its weight.

Every match of a query is scored in one aggregate over the postings of its stems, read from a
covering index. The weights follow ts_rank's, which this index replaces: per field (heading
with tasks, four times; text) each stem's occurrences count 1, 1/4, 1/9… (saturating), and
the field's sum is divided by 1 + the log of its length (normalisation 1). Matching and
ranking tsvectors instead reads every matching row's vector, which grows with the entries a
query matches (measured in benchmarks/search_latency.txt).
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
    return connection.vendor == "postgresql"


def _field_weights(field: list[str]) -> dict[str, float]:
    norm = 1 + math.log(max(1, len(field)))
    return {
        stem: sum(1 / n**2 for n in range(1, count + 1)) / norm
        for stem, count in Counter(field).items()
    }


def postings(entry: SearchEntry) -> list[SearchPosting]:
    stop = stop_stems()
    heading = _field_weights(stems(f"{entry.heading}\n{entry.tasks}"))
    text = _field_weights(stems(entry.text))
    return [
        SearchPosting(
            entry=entry,
            stem=stem[:100],
            language=entry.language,
            section_key=entry.section_key,
            weight=TITLE_WEIGHT * heading.get(stem, 0.0) + text.get(stem, 0.0),
        )
        for stem in heading.keys() | text.keys()
        if stem not in stop
    ]


def write(entries: Iterable[SearchEntry]) -> None:
    """Postings of newly created entries (those of replaced entries went with them)."""
    if enabled():
        rows = [posting for entry in entries for posting in postings(entry)]
        SearchPosting.objects.bulk_create(rows, batch_size=2000)


# One round trip: every match is scored once (the CTE), then the section counts and the best
# `limit` of the chosen section (a top-N sort, not a sort of every match) come back together,
# the latter with the fields the ranking reads. Counts travel in the score column.
SQL = """
    WITH matches AS (
        SELECT entry_id, section_key, round(sum(weight) * 1e6) / 1e6 AS score
        FROM search_searchposting
        WHERE stem = ANY(%(terms)s) AND language IN (%(language)s, '')
        GROUP BY entry_id, section_key
    ), best AS (
        SELECT entry_id, score FROM matches
        WHERE %(section)s = '' OR section_key = %(section)s
        ORDER BY score DESC, entry_id
        LIMIT %(limit)s
    )
    SELECT NULL, section_key, count(*)::float8, NULL, NULL FROM matches GROUP BY section_key
    UNION ALL
    SELECT best.entry_id, NULL, best.score, entry.heading, entry.tasks
    FROM best JOIN search_searchentry AS entry ON entry.id = best.entry_id
"""


def matches(terms: list[str], language: str, section: str, limit: int) -> Matches:
    """The matches of the stems, the best ordered by score, then entry id. The sum is
    rounded: a float sum depends on the order PostgreSQL reads the rows in, and equal scores
    must tie (then the entry id decides) in every database alike. It is rounded as a float:
    through numeric, the aggregate took twice as long."""
    params = {"terms": terms, "language": language, "section": section, "limit": limit}
    with connection.cursor() as cursor:
        cursor.execute(SQL, params)
        rows = cursor.fetchall()
    counts = Counter({key: int(count) for pk, key, count, _h, _t in rows if pk is None})
    best = sorted(
        (Candidate(pk, score, heading, tasks) for pk, _k, score, heading, tasks in rows if pk),
        key=lambda candidate: (-candidate.engine_score, candidate.key),
    )
    return Matches(counts, best)
