"""Page types of the mandatory disclosure (§6.2) that hold their own content: the service
standard, contracts and procedures (consumption norms and additional services are in
`price_lists.py`).

Each declares the items of `disclosure.items` it covers in `disclosure_items`."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from disclosure.blocks import (
    CUSTOMER_CATEGORIES,
    CustomerCategoryBlock,
    ProcedureBlock,
    StandardSectionBlock,
)

SECTION_PARENTS = ["home.SectionPage"]


class ServiceStandardPage(Page):
    """The service quality standard itself (§6.2 item 4), section by section."""

    disclosure_items = ("6.2-4", "10.1-standard")

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "document-link"],
        verbose_name=_("introduction"),
        help_text=_("Who approved the standard and when it took effect."),
    )
    sections = StreamField(
        [("section", StandardSectionBlock())], blank=True, verbose_name=_("sections")
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("PDF"),
        help_text=_("The standard as a document to download and print."),
    )

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("The customer service quality standard, with a table of contents.")
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("sections")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("pdf"),
        FieldPanel("sections"),
    ]

    class Meta:
        verbose_name = _("service standard page")


class ProcedurePage(Page):
    """A procedure told in steps, deadlines, checklists and callouts. Abstract: each concrete
    procedure is its own page type so that it can declare the items it discloses."""

    lead = models.TextField(
        blank=True,
        verbose_name=_("lead"),
        help_text=_("A short summary shown under the title and in section lists."),
    )
    body = StreamField(ProcedureBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    class Meta:
        abstract = True


class RestrictionPage(ProcedurePage):
    disclosure_items = ("6.2-7",)
    page_description = _("What happens when bills are not paid: restriction of supply.")

    class Meta:
        verbose_name = _("restriction for non-payment page")


class AppealsPage(ProcedurePage):
    """How to file appeals, claims and complaints, and how to ask for the debt amount."""

    disclosure_items = ("6.2-10", "6.2-14", "10.1-email")
    page_description = _("How to file appeals, claims and complaints; how to learn the debt.")

    class Meta:
        verbose_name = _("appeals procedure page")


CONTRACT_CATEGORIES = CUSTOMER_CATEGORIES


class ContractsPage(Page):
    """Contracts (§6.2 items 1–3): documents and main terms per customer category, the steps
    and deadlines of §7 table 1, and the standard forms with their versions."""

    disclosure_items = ("6.2-1", "6.2-2", "6.2-3", "10.1-contracts")

    lead = models.TextField(
        blank=True, verbose_name=_("lead"), help_text=_("A short summary under the title.")
    )
    categories = StreamField(
        [("category", CustomerCategoryBlock())],
        blank=True,
        verbose_name=_("customer categories"),
        help_text=_("For each category: the documents it must bring and the main terms."),
    )
    procedure = StreamField(
        ProcedureBlock(),
        blank=True,
        verbose_name=_("procedure"),
        help_text=_("The steps and deadlines of concluding a contract (§7, table 1)."),
    )

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Supply contracts: documents, procedure, main terms and forms.")
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("categories"),
        index.SearchField("procedure"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("categories"),
        FieldPanel("procedure"),
        InlinePanel("forms", heading=_("Standard contract forms"), label=_("Form")),
    ]

    class Meta:
        verbose_name = _("contracts page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        forms = list(self.forms.select_related("document"))
        labels = dict(CONTRACT_CATEGORIES)
        context["form_groups"] = [
            (labels[code], [form for form in forms if form.category == code])
            for code, _label in CONTRACT_CATEGORIES
            if any(form.category == code for form in forms)
        ]
        return context


class ContractForm(TranslatableMixin, Orderable):
    """A row of the contracts page, translatable with it (the title; the file is shared)."""

    page = ParentalKey(ContractsPage, on_delete=models.CASCADE, related_name="forms")
    category = models.CharField(
        max_length=20, choices=CONTRACT_CATEGORIES, verbose_name=_("customer category")
    )
    title = models.CharField(max_length=255, verbose_name=_("title"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("The form as a PDF or DOCX file."),
    )
    version = models.CharField(
        max_length=30, verbose_name=_("version"), help_text=_("E.g. «2.1» or «ред. 2025».")
    )
    effective_from = models.DateField(verbose_name=_("effective from"))

    panels = [
        FieldPanel("category"),
        FieldPanel("title"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("version"), FieldPanel("effective_from")]),
    ]
    override_translatable_fields = [SynchronizedField("version")]

    class Meta(Orderable.Meta):
        verbose_name = _("standard contract form")
        unique_together = [("translation_key", "locale")]
