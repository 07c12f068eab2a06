from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StandardSectionBlock(blocks.StructBlock):
    """A numbered section of the service standard; its number makes its anchor (#section-7)."""

    number = blocks.CharBlock(required=False, max_length=10, label=_("Number"))
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Text"))

    class Meta:
        icon = "list-ol"
        template = "blocks/standard_section.html"
        label = _("Section of the standard")
