"""Blocks of the FAQ page: categories, each an ordered list of questions."""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

ANCHOR_RE = re.compile(r"^[-\w]+$")
ANSWER_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def make_anchor(text: str) -> str:
    return slugify(text, allow_unicode=True)[:80].strip("-")


class AnchorBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            max_length=80,
            help_text=_(
                "The address of this item on the page (…/faq/#address): Latin letters, digits "
                "and hyphens. Left empty, it is made from the text. Keep it once published: "
                "links point to it."
            ),
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if value and not ANCHOR_RE.match(value):
            raise ValidationError(_("Use only letters, digits and hyphens."))
        return value


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=255,
        label=_("question"),
        help_text=_("As a customer would ask it, e.g. «Как передать показания счётчика?»"),
    )
    anchor = AnchorBlock(label=_("anchor"))
    answer = blocks.RichTextBlock(
        features=ANSWER_FEATURES,
        label=_("answer"),
        help_text=_("A short answer; link to the page that says more."),
    )

    class Meta:
        icon = "help"
        label = _("question")

    def clean(self, value):
        value = super().clean(value)
        if not value["anchor"]:
            value["anchor"] = make_anchor(value["question"])
        return value


class CategoryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120, label=_("title"), help_text=_("E.g. «Оплата», «Показания счётчиков».")
    )
    anchor = AnchorBlock(label=_("anchor"))
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("category")

    def clean(self, value):
        value = super().clean(value)
        if not value["anchor"]:
            value["anchor"] = make_anchor(value["title"])
        return value


class FAQStreamBlock(blocks.StreamBlock):
    category = CategoryBlock()
