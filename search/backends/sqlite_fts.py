"""The site search's query on SQLite, straight on the FTS5 table of Wagtail's database
backend (which holds the stems of every SearchEntry).

Wagtail's own SQLite query lets the planner walk every index entry of the model and run the
MATCH once per entry (O(entries) per search, ~40 ms on 100 entries on these machines); here
the MATCH runs once and its hits are joined by primary key (CROSS JOIN fixes the order).
bm25() weighs a match in the heading above one in the text.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

from ..models import SearchEntry

# bm25 column weights of the FTS table's columns: autocomplete, body, title.
WEIGHTS = (0.0, 1.0, 4.0)

_available: bool | None = None


def available() -> bool:
    global _available
    if _available is None:
        _available = bool(fts5_available() and fts_table_exists())
    return _available


def match_expression(terms: list[str]) -> str:
    # Stems contain only letters and digits (search.text.WORD_RE), so quoting is enough.
    return "{title body} : (" + " OR ".join(f'"{term}"' for term in terms) + ")"


def ranked(terms: list[str], language: str) -> list[tuple[int, str, float]]:
    """(SearchEntry id, section key, score) of every match, most relevant first (bm25 is
    smaller for a better match; the score is its negation)."""
    content_type = ContentType.objects.get_for_model(SearchEntry).pk
    weights = ", ".join(map(str, WEIGHTS))
    sql = f"""
        SELECT s.id, s.section_key, -bm25(wagtailsearch_indexentry_fts, {weights}) AS score
        FROM wagtailsearch_indexentry_fts AS f
        CROSS JOIN wagtailsearch_indexentry AS e ON e.id = f.rowid
        CROSS JOIN search_searchentry AS s ON s.id = CAST(e.object_id AS INTEGER)
        WHERE wagtailsearch_indexentry_fts MATCH %s
          AND e.content_type_id = %s
          AND s.language IN (%s, '')
        ORDER BY score DESC, s.id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [match_expression(terms), content_type, language])
        return list(cursor.fetchall())
