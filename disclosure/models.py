"""Page types of the mandatory disclosure (§6.2 of the standard)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import StandardSectionBlock


class ServiceStandardPage(Page):
    """The service quality standard itself (§6.2 item 4), section by section."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "document-link"],
        verbose_name=_("introduction"),
        help_text=_("Who approved the standard and when it took effect."),
    )
    sections = StreamField(
        [("section", StandardSectionBlock())], blank=True, verbose_name=_("sections")
    )

    parent_page_types = ["home.SectionPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("The customer service quality standard, with a table of contents.")
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("sections")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("sections")]

    class Meta:
        verbose_name = _("service standard page")
