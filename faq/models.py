"""The FAQ page (§6.2 item 13): questions grouped in categories, in the order editors give."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import FAQStreamBlock, make_anchor
from .services import expand_answers


@dataclass
class Question:
    question: str
    anchor: str
    answer_source: str
    answer_html: SafeString = field(default_factory=lambda: mark_safe(""))


@dataclass
class Category:
    title: str
    anchor: str
    questions: list[Question] = field(default_factory=list)


class FAQPage(Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("Shown above the questions."),
    )
    categories = StreamField(
        FAQStreamBlock(),
        blank=True,
        verbose_name=_("categories"),
        help_text=_("Categories in the order shown; drag questions to order them."),
    )

    # Disclosure items this page covers (codes of disclosure/items.py: §6.2 item 13 and the
    # FAQ section of §10.1); read by the compliance report.
    disclosure_items = ("6.2-13", "10.1-faq")

    parent_page_types = ["home.SectionPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Frequently asked questions, grouped by category.")
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("categories"),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("categories")]

    class Meta:
        verbose_name = _("FAQ page")

    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for category in self.faq_categories(expand=False):
            for anchor in [category.anchor, *(q.anchor for q in category.questions)]:
                if anchor in seen:
                    message = _("The anchor «%(anchor)s» is used twice.") % {"anchor": anchor}
                    raise ValidationError({"categories": message})
                seen.add(anchor)

    def faq_categories(self, expand: bool = True) -> list[Category]:
        categories = []
        for position, block in enumerate(self.categories, start=1):
            value = block.value
            category = Category(
                title=value["title"],
                anchor=value["anchor"] or make_anchor(value["title"]) or f"category-{position}",
            )
            for number, item in enumerate(value["questions"], start=1):
                category.questions.append(
                    Question(
                        question=item["question"],
                        anchor=item["anchor"]
                        or make_anchor(item["question"])
                        or f"q-{position}-{number}",
                        answer_source=item["answer"].source,
                    )
                )
            categories.append(category)
        if expand:
            questions = [q for category in categories for q in category.questions]
            answers = expand_answers([q.answer_source for q in questions], self.locale_id)
            for question, answer in zip(questions, answers, strict=True):
                question.answer_html = mark_safe(answer)
        return categories

    @cached_property
    def faq(self) -> list[Category]:
        return self.faq_categories()

    def faq_data(self) -> dict:
        """schema.org FAQPage (written out by `{% json_ld %}`)."""
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": question.question,
                    "acceptedAnswer": {"@type": "Answer", "text": str(question.answer_html)},
                }
                for category in self.faq
                for question in category.questions
            ],
        }

    def site_search_entries(self):
        """The site search finds the page and every question on its own (search.sources)."""
        from search.sources import EntryData

        url = self.get_url()
        entries = [EntryData(heading=self.title, url=url, text=strip_tags(self.intro))]
        for category in self.faq_categories(expand=False):
            for question in category.questions:
                entries.append(
                    EntryData(
                        heading=question.question,
                        url=f"{url}#{question.anchor}",
                        anchor=question.anchor,
                        text=" ".join(strip_tags(question.answer_source).split()),
                        section_key="faq",
                        section_label=self.title,
                    )
                )
        return entries
