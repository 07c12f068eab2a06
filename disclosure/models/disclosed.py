"""Documents a supplier of last resort discloses under the Standards of information disclosure
(Government Decree No. 24 of 21.01.2004): each a snippet with its kind and year, listed by a
page grouped by year and kind."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Page, RevisionMixin, TranslatableMixin
from wagtail.search import index

from core.localized import LocalizedQuerySet

from .pages import SECTION_PARENTS


class DisclosedKind(models.TextChoices):
    ACCOUNTS = "accounts", _("Annual accounts and the auditor's report")
    COSTS = "costs", _("Structure and amount of costs")
    MARKUP = "markup", _("Sales markup of the supplier of last resort")
    PRICES = "prices", _("Maximum levels of unregulated prices")
    PURCHASES = "purchases", _("Electricity purchased on the wholesale and retail markets")
    AREA = "area", _("Area served by the supplier of last resort")
    OTHER = "other", _("Other information")


class DisclosedDocument(
    TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model
):
    """A document with its title in each language (the file is the same: synchronised)."""

    kind = models.CharField(max_length=20, choices=DisclosedKind.choices, verbose_name=_("kind"))
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2004), MaxValueValidator(2100)],
        verbose_name=_("year"),
        help_text=_("The year the information is about."),
    )
    title = models.CharField(max_length=255, verbose_name=_("title"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )
    disclosed_on = models.DateField(
        verbose_name=_("disclosed on"), help_text=_("When the document was first published.")
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldPanel("document"),
        FieldPanel("disclosed_on"),
    ]
    search_fields = [index.SearchField("title")]

    objects = LocalizedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "kind", "title"]
        verbose_name = _("disclosed document")
        verbose_name_plural = _("disclosed documents")
        permissions = [("unpublish_discloseddocument", "Can unpublish disclosed document")]
        unique_together = [("translation_key", "locale")]

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"


class DisclosedDocumentsPage(Page):
    """The documents of Decree 24, by year and kind, with a filter by both."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("What is disclosed here and under which act."),
    )

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Documents disclosed under Government Decree 24, by year and kind.")
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("disclosed documents page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = list(
            DisclosedDocument.objects.filter(live=True)
            .for_locale(self.locale_id)
            .select_related("document")
        )
        years = sorted({document.year for document in documents}, reverse=True)
        year = request.GET.get("year", "")
        year = int(year) if year.isdigit() and int(year) in years else None
        kind = request.GET.get("kind", "")
        kind = kind if kind in DisclosedKind.values else ""
        chosen = [
            document
            for document in documents
            if (year is None or document.year == year) and (not kind or document.kind == kind)
        ]
        context.update(
            years=years,
            chosen_year=year,
            kinds=DisclosedKind.choices,
            chosen_kind=kind,
            groups=[
                (
                    group_year,
                    [
                        (label, [d for d in chosen if d.year == group_year and d.kind == value])
                        for value, label in DisclosedKind.choices
                        if any(d.year == group_year and d.kind == value for d in chosen)
                    ],
                )
                for group_year in years
                if any(d.year == group_year for d in chosen)
            ],
        )
        return context
