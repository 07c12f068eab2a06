"""PostgreSQL ranking for the site search: Wagtail's backend ranks with ts_rank without
length normalisation, so the one very long page (the service standard) outranks the short
answer that matches best. This compiler divides the rank by 1 + log(document length).

Only the site search's queries use it; indexing and Wagtail's admin search are unchanged."""

from django.contrib.postgres.search import SearchRank
from django.db.models import Value
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText

LOG_LENGTH = 1  # PostgreSQL ts_rank normalisation: divide by 1 + log(length)


class LengthNormalisedQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = SearchRank(
                vector,
                self.build_tsquery(query, config=config),
                weights=self.sql_weights,
                normalization=Value(LOG_LENGTH),
            )
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class SiteSearchPostgresBackend(PostgresSearchBackend):
    query_compiler_class = LengthNormalisedQueryCompiler
