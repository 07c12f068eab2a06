"""The site-search index, editors' synonyms and the query statistics.

`SearchEntry` is one searchable thing as a visitor sees it: a page, one FAQ question, a
document, later a service centre or a payment point. The embedded (database) adapter searches
its stemmed copy through Wagtail's database backend; the Elasticsearch adapter indexes the
same entries with its own Russian analyzer.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
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
    # What customers type to reach this entry (CustomerTask phrases, one a line).
    tasks = models.TextField(blank=True)

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
    # FTS5 (which has no Russian stemmer) matches every word form. "title" is boosted; the
    # task phrases go with it, so that the engines find them among their best candidates
    # (search.ranking then tells a heading from a task).
    @property
    def title(self) -> str:
        return stemmed_text(f"{self.heading}\n{self.tasks}")

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


class CustomerTask(models.Model):
    """What customers type to reach a page, or one service of a page: «передать показания»,
    «подать жалобу», «узнать статус обращения». Indexed with the page (a service with its own
    path becomes its own search result) and weighted above headings by search.ranking, so that
    a task finds the page that does it before the pages about it."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    route = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("service path"),
        help_text=_(
            "Optional: the part of the address after the page's own that leads to the service, "
            "e.g. «status/» for the appeal status lookup. Leave empty for the page itself."
        ),
    )
    heading = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("service title"),
        help_text=_("The title of the search result for a service path, e.g. «Статус обращения»."),
    )
    phrases = models.TextField(
        verbose_name=_("what customers type"),
        help_text=_("One phrase a line, as customers write it: «передать показания»."),
    )

    panels = [FieldPanel("page"), FieldPanel("route"), FieldPanel("heading"), FieldPanel("phrases")]

    class Meta:
        verbose_name = _("customer task")
        verbose_name_plural = _("customer tasks")
        constraints = [
            models.UniqueConstraint(fields=["page", "route"], name="search_task_unique_route")
        ]

    def __str__(self) -> str:
        phrases = self.phrase_list()
        return self.heading or (phrases[0] if phrases else "")

    def phrase_list(self) -> list[str]:
        return [line.strip() for line in self.phrases.splitlines() if line.strip()]

    def clean(self) -> None:
        errors = {}
        if not any(words(phrase) for phrase in self.phrase_list()):
            errors["phrases"] = _("Give at least one phrase with a letter or a digit.")
        self.route = self.route.strip().lstrip("/")
        if self.route and not self.route.endswith("/"):
            self.route += "/"
        if self.route and not self.heading.strip():
            errors["heading"] = _("A service path needs the title of its search result.")
        if errors:
            raise ValidationError(errors)


class SearchTerm(models.Model):
    """A word of the index (lower case, «ё» as «е») and its stem: the vocabulary that typo
    and keyboard-layout correction choose from (search.spelling)."""

    word = models.CharField(max_length=100, unique=True)
    stem = models.CharField(max_length=100, db_index=True)

    def __str__(self) -> str:
        return self.word


class SearchPosting(models.Model):
    """One stem of one entry and its weight: the inverted index that the site search reads on
    SQLite and PostgreSQL alike (search.backends.postings). A search reads the postings of its
    stems through one covering index instead of every matching tsvector or FTS row."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="+")
    stem = models.CharField(max_length=100)
    language = models.CharField(max_length=10)
    section_key = models.CharField(max_length=100)
    weight = models.FloatField()

    def __str__(self) -> str:
        return f"{self.stem} ({self.weight:.3f})"
