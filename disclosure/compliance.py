"""The compliance report: for every disclosure item, the pages that cover it and a state.

A page type covers items by declaring `disclosure_items`; this module reads the attribute
from every page model, so other apps need nothing but that attribute. A page type whose items
live in records (snippets) names them in `disclosure_records` (item code → model label): the
item is missing while no record is live, and a record's publication counts as an update."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, get_page_models

from core import facts
from core.demo import PLACEHOLDER_TAG
from core.phone import same_phone

from . import services
from .items import CODES, ITEMS, DisclosureItem

OK = "ok"
MISSING = "missing"
DRAFT_ONLY = "draft"
STALE = "stale"
STATE_LABELS = {
    OK: gettext_lazy("ok"),
    MISSING: gettext_lazy("missing"),
    DRAFT_ONLY: gettext_lazy("draft only"),
    STALE: gettext_lazy("stale"),
}


@dataclass
class ItemStatus:
    item: DisclosureItem
    state: str
    pages: list[Page] = field(default_factory=list)
    last_published_at: datetime | None = None
    note: str = ""

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


def coverage() -> dict[str, list[type[Page]]]:
    """Item code → the page models that declare it."""
    covered: dict[str, list[type[Page]]] = {code: [] for code in CODES}
    for model in get_page_models():
        for code in getattr(model, "disclosure_items", ()):
            covered[code].append(model)
    return covered


def item_states(now: datetime | None = None, stale_months: int | None = None) -> list[ItemStatus]:
    """The state of every item, judged on the pages of the default (Russian) locale."""
    now = now or timezone.now()
    months = settings.DISCLOSURE_STALE_MONTHS if stale_months is None else stale_months
    stale_before = services.add_months(now.date(), -months)
    covered = coverage()
    models = {model for models in covered.values() for model in models}
    content_types = ContentType.objects.get_for_models(*models).values() if models else []
    pages = list(
        Page.objects.filter(content_type__in=content_types, locale=Locale.get_default())
        .only(
            "id", "path", "title", "live", "last_published_at", "content_type", "url_path", "locale"
        )
        .order_by("path")
    )
    statuses = []
    for item in ITEMS:
        item_types = {ContentType.objects.get_for_model(model).pk for model in covered[item.code]}
        item_pages = [page for page in pages if page.content_type_id in item_types]
        live = [page for page in item_pages if page.live]
        last = max(
            (page.last_published_at for page in live if page.last_published_at), default=None
        )
        note = ""
        for label in record_labels(covered[item.code], item.code):
            count, records_last = record_summary(label)
            if not count:
                note = _("No published records: %(records)s.") % {
                    "records": apps.get_model(label)._meta.verbose_name_plural
                }
            elif records_last and (last is None or records_last > last):
                last = records_last
        if not item_pages:
            state = MISSING
        elif not live:
            state = DRAFT_ONLY
        elif note:
            state = MISSING
        elif last is None or last.date() < stale_before:
            state = STALE
        else:
            state = OK
        statuses.append(ItemStatus(item, state, live or item_pages, last, str(note)))
    return statuses


def record_labels(models: list[type[Page]], code: str) -> set[str]:
    """The record models (snippets) an item needs, from the pages' `disclosure_records`."""
    return {
        getattr(model, "disclosure_records", {})[code]
        for model in models
        if code in getattr(model, "disclosure_records", {})
    }


def record_summary(label: str) -> tuple[int, datetime | None]:
    """How many records of the model are live, and when one was last published."""
    summary = (
        apps.get_model(label)
        .objects.filter(live=True)
        .aggregate(count=Count("pk"), last=Max("last_published_at"))
    )
    return summary["count"], summary["last"]


def late_outage_notices():
    """Live outage notices that were published with less lead time than §7 2.1.2 requires."""
    from .models import OutageNotice

    return [
        notice
        for notice in OutageNotice.objects.live()
        .sources()  # a translation is as late as its source
        .filter(emergency=False)
        .order_by("-starts_at")
        if notice.lead_time_error()
    ]


def placeholder_documents():
    """Documents the demo generated in place of real ones (core.demo.PLACEHOLDER_TAG): each
    needs the company's real document before the site can be relied on."""
    return get_document_model().objects.filter(tags__name=PLACEHOLDER_TAG).order_by("title")


def consistency_problems() -> list[str]:
    """Facts the site states in more than one place that disagree: the head office whose
    hours the footer shows, the hotline in the settings and in its record, toll-free numbers
    in page texts, offices without hours."""
    from .models import GridCompany, ServiceCentre

    problems = []
    # The Russian records: each translation keeps their phones and hours (synchronised).
    centres = list(ServiceCentre.objects.filter(live=True).sources().prefetch_related("hours"))
    head_offices = [centre for centre in centres if centre.head_office]
    if len(head_offices) != 1:
        problems.append(_("No published service centre is marked as the head office."))
    for centre in centres:
        if not centre.round_the_clock and not centre.hours.all():
            problems.append(_("%(centre)s has no opening hours.") % {"centre": centre.name})
    hotline = facts.value("hotline")
    hotline_records = [centre for centre in centres if centre.round_the_clock]
    if hotline and not any(
        same_phone(hotline, phone)
        for centre in hotline_records
        for phone in centre.phones.split(",")
    ):
        problems.append(
            _(
                "The hotline %(phone)s of the site settings is not the phone of a "
                "round-the-clock service record."
            )
            % {"phone": hotline}
        )
    known = [hotline] + [
        company.dispatcher_phone for company in GridCompany.objects.filter(live=True).sources()
    ]
    for page in Page.objects.live().filter(locale=Locale.get_default()).specific():
        for number in sorted(set(TOLL_FREE.findall(page_text(page)))):
            if not any(same_phone(number, phone) for phone in known):
                problems.append(
                    _(
                        "«%(page)s» gives %(phone)s, which is neither the hotline nor a grid "
                        "company's phone."
                    )
                    % {"page": page.title, "phone": number}
                )
    return problems


# A toll-free number as written in Russian texts: «8 800 333-00-22», «8-800-333-00-22».
TOLL_FREE = re.compile(r"8[\s-]?\(?800\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}")


def page_text(page: Page) -> str:
    """The text of a page's own fields (lead, intro, body and the like)."""
    parts = []
    for name in ("lead", "intro", "body", "procedure"):
        value = getattr(page, name, None)
        if value is not None:
            parts.append(str(value.raw_data) if hasattr(value, "raw_data") else str(value))
    return " ".join(parts)
