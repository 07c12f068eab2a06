from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES, CalloutBlock, DocumentListBlock, HeadingBlock


class StandardSectionBlock(blocks.StructBlock):
    """A numbered section of the service standard; its number makes its anchor (#section-7)."""

    number = blocks.CharBlock(required=False, max_length=10, label=_("Number"))
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Text"))

    class Meta:
        icon = "list-ol"
        template = "blocks/standard_section.html"
        label = _("Section of the standard")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    text = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link", "ul"], label=_("Details")
    )
    deadline = blocks.CharBlock(
        required=False,
        label=_("Deadline"),
        help_text=_("As the standard words it, e.g. «в течение 5 дней с момента получения»."),
    )


class StepsBlock(blocks.StructBlock):
    """A numbered procedure: what the customer and the company do, in order."""

    title = blocks.CharBlock(required=False, label=_("Title"))
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        template = "disclosure/blocks/steps.html"
        label = _("Steps")


class DeadlineRowBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("Action"))
    deadline = blocks.CharBlock(label=_("Deadline"))
    applies_to = blocks.CharBlock(
        required=False, label=_("Applies to"), help_text=_("E.g. «юридические лица».")
    )


class DeadlineTableBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    rows = blocks.ListBlock(DeadlineRowBlock(), label=_("Rows"))
    source = blocks.CharBlock(
        required=False, label=_("Source"), help_text=_("E.g. «Стандарт, раздел 7, таблица 1».")
    )

    class Meta:
        icon = "table"
        template = "disclosure/blocks/deadline_table.html"
        label = _("Deadlines table")


class ChecklistBlock(blocks.StructBlock):
    """A list of documents or conditions the customer must bring or meet."""

    title = blocks.CharBlock(label=_("Title"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Items"))

    class Meta:
        icon = "tasks"
        template = "disclosure/blocks/checklist.html"
        label = _("Checklist")


class ProcedureBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    steps = StepsBlock()
    deadlines = DeadlineTableBlock()
    checklist = ChecklistBlock()
    callout = CalloutBlock()
    documents = DocumentListBlock()


CUSTOMER_CATEGORIES = [
    ("households", _("Households")),
    ("businesses", _("Legal entities and entrepreneurs")),
    ("management", _("Management companies and HOAs")),
    ("budget", _("Budget-funded organisations")),
]


class CustomerCategoryValue(blocks.StructValue):
    def category_label(self) -> str:
        return str(dict(CUSTOMER_CATEGORIES).get(self.get("category"), ""))


class CustomerCategoryBlock(blocks.StructBlock):
    """What one customer category needs to conclude a contract and its main terms."""

    category = blocks.ChoiceBlock(choices=CUSTOMER_CATEGORIES, label=_("Customer category"))
    documents = blocks.ListBlock(
        blocks.CharBlock(label=_("Document")), label=_("Documents required")
    )
    terms = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"], label=_("Main contract terms")
    )

    class Meta:
        icon = "user"
        template = "disclosure/blocks/customer_category.html"
        value_class = CustomerCategoryValue
        label = _("Customer category")
