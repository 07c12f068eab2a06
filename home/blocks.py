"""The home page's blocks: the customer's tasks, the address lookup and the feeds of records
that other apps keep (core/feeds.py) — nothing on it is typed twice."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core import feeds, links
from core.blocks import BodyBlock


class TaskBlock(blocks.StructBlock):
    """One task, e.g. «Оплатить»: a page of the site, a named service (the personal account,
    the address lookup) or another address."""

    title = blocks.CharBlock(label=_("Task"), help_text=_("A verb first, e.g. «Оплатить»."))
    text = blocks.CharBlock(required=False, label=_("Explanation"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    service = blocks.ChoiceBlock(
        choices=links.choices, required=False, label=_("Or a service of the site")
    )
    url = blocks.URLBlock(required=False, label=_("Or an address"))
    service_also = blocks.ChoiceBlock(
        choices=links.choices,
        required=False,
        label=_("Second link"),
        help_text=_("E.g. the personal account beside the payment page."),
    )

    class Meta:
        icon = "link"
        label = _("Task")

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "service", "url") if value.get(name)]
        if len(targets) != 1:
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choose exactly one: a page, a service or an address.")
                    )
                }
            )
        return value


class TasksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("What do you want to do?"))
    tasks = blocks.ListBlock(TaskBlock(), label=_("Tasks"))

    class Meta:
        icon = "tasks"
        template = "blocks/tasks.html"
        label = _("Tasks")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["tasks"] = [
            {
                "title": task["title"],
                "text": task["text"],
                "url": task["page"].get_url(request)
                if task["page"]
                else links.service_url(task["service"], request)
                if task["service"]
                else task["url"],
                "also_url": links.service_url(task["service_also"], request)
                if task["service_also"]
                else "",
                "also_label": dict(links.choices()).get(task["service_also"], ""),
            }
            for task in value["tasks"]
        ]
        return context


class AddressLookupBlock(blocks.StructBlock):
    """The form of «What applies to my address», one step from the home page."""

    heading = blocks.CharBlock(label=_("Heading"), default=_("What applies to my address"))
    text = blocks.CharBlock(
        required=False,
        label=_("Explanation"),
        default=_("Tariffs, outages, meter visits, offices and payment points for your house."),
    )

    class Meta:
        icon = "site"
        template = "blocks/address_lookup.html"
        label = _("Address lookup")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["action"] = links.service_url(
            "address-lookup", (parent_context or {}).get("request")
        )
        return context


class FeedBlock(blocks.StructBlock):
    """Records another app keeps: planned outages of the next days, the announced tariff
    changes, the grid companies' dispatchers, the latest announcements."""

    heading = blocks.CharBlock(label=_("Heading"))
    feed = blocks.ChoiceBlock(choices=feeds.choices, label=_("Records"))
    limit = blocks.IntegerBlock(default=3, min_value=1, max_value=10, label=_("How many"))

    class Meta:
        icon = "list-ul"
        template = "blocks/feed.html"
        label = _("Records")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        feed = feeds.get(value["feed"])
        if feed is not None:
            context.update(feeds.context(feed, value["limit"]), feed_template=feed.template)
        return context


class HomeBodyBlock(BodyBlock):
    tasks = TasksBlock()
    address_lookup = AddressLookupBlock()
    feed = FeedBlock()
