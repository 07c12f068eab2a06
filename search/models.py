"""The site-search index, editors' synonyms and the query statistics.

`SearchEntry` is one searchable thing as a visitor sees it: a page, one FAQ question, a
document, later a service centre or a payment point. The embedded (database) adapter searches
its stemmed copy through Wagtail's database backend; the Elasticsearch adapter indexes the
same entries with its own Russian analyzer.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .text import normalize, stemmed_text, words


class SearchEntry(index.Indexed, models.Model):
    owner = models.CharField(
        max_length=100, db_index=True, help_text="The indexed object, e.g. wagtailcore.page:12."
    )
    anchor = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=10, blank=True, db_index=True)
    section_key = models.CharField(max_length=100)
    section_label = models.CharField(max_length=255, blank=True)
    heading = models.CharField(max_length=255)
    heading_norm = models.CharField(max_length=255, db_index=True)
    url = models.CharField(max_length=500)
    text = models.TextField(blank=True)

    # Indexed explicitly by search.indexer (in bulk), not on every save.
    search_auto_update = False
    search_fields = [
        index.SearchField("title"),
        index.SearchField("body"),
        index.FilterField("language"),
        index.FilterField("section_key"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "anchor"], name="search_entry_unique_owner")
        ]

    def __str__(self) -> str:
        return self.heading

    def save(self, *args, **kwargs):
        self.heading_norm = normalize(self.heading)[:255]
        super().save(*args, **kwargs)

    # What Wagtail's database backend indexes: the stems, not the words, so that SQLite's
    # FTS5 (which has no Russian stemmer) matches every word form. "title" is boosted.
    @property
    def title(self) -> str:
        return stemmed_text(self.heading)

    @property
    def body(self) -> str:
        return stemmed_text(self.text)


class SynonymGroup(models.Model):
    """Words and phrases that mean the same to a customer: «ЛС, лицевой счёт»."""

    terms = models.CharField(
        max_length=500,
        unique=True,
        verbose_name=_("terms"),
        help_text=_(
            "Two or more words or phrases that mean the same, separated by commas, e.g. "
            "«ЛС, лицевой счёт». A search for any of them also finds the others."
        ),
    )

    class Meta:
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self) -> None:
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two terms separated by commas.")})
        if any(not words(term) for term in terms):
            raise ValidationError({"terms": _("Every term must contain a letter or a digit.")})
        self.terms = ", ".join(terms)


class QueryStat(models.Model):
    """How often a query was asked on a day, and how often it found nothing."""

    query = models.CharField(max_length=255, verbose_name=_("query"))
    date = models.DateField(verbose_name=_("date"))
    hits = models.PositiveIntegerField(default=0, verbose_name=_("searches"))
    empty_hits = models.PositiveIntegerField(default=0, verbose_name=_("searches with no results"))

    class Meta:
        verbose_name = _("search query statistic")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_querystat_unique_day")
        ]

    def __str__(self) -> str:
        return f"{self.query} ({self.date:%d.%m.%Y})"
