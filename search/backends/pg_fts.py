"""The site search's query on PostgreSQL, straight on the index of Wagtail's database
backend (title and body tsvectors with GIN indexes, built from SearchEntry's stems).

Wagtail's own query matches `title || body` (which no index serves) and ranks in a
correlated subquery; here the two GIN indexes answer the match, both ranks are normalised
by document length, a heading match weighs four times a text match, and one query returns
every hit with its section for the facets."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from ..models import SearchEntry

TITLE_WEIGHT = 4
LOG_LENGTH = 1  # ts_rank normalisation: divide by 1 + log(length)


def config() -> str:
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"


def ranked(terms: list[str], language: str) -> list[tuple[int, str, float]]:
    """(SearchEntry id, section key, score) of every match, most relevant first."""
    content_type = ContentType.objects.get_for_model(SearchEntry).pk
    # Stems contain only letters and digits (search.text.WORD_RE): safe as tsquery lexemes.
    tsquery = " | ".join(terms)
    # The matches are computed first (MATERIALIZED), then joined by primary key, whatever
    # the planner's row estimates (stale right after a bulk rebuild).
    sql = f"""
        WITH m AS MATERIALIZED (
            SELECT e.object_id::bigint AS id,
                   ts_rank(e.title, q, {LOG_LENGTH}) * {TITLE_WEIGHT}
                   + ts_rank(e.body, q, {LOG_LENGTH}) AS score
            FROM wagtailsearch_indexentry AS e
            CROSS JOIN to_tsquery(%s::regconfig, %s) AS q
            WHERE e.content_type_id = %s AND (e.title @@ q OR e.body @@ q)
        )
        SELECT s.id, s.section_key, m.score
        FROM m JOIN search_searchentry AS s ON s.id = m.id
        WHERE s.language IN (%s, '')
        ORDER BY m.score DESC, s.id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [config(), tsquery, content_type, language])
        return list(cursor.fetchall())
