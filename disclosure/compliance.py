"""The compliance report: for every disclosure item, the pages that cover it and a state.

A page type covers items by declaring `disclosure_items`; this module reads the attribute
from every page model, so other apps need nothing but that attribute."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models

from . import services
from .items import CODES, ITEMS, DisclosureItem

OK = "ok"
MISSING = "missing"
DRAFT_ONLY = "draft"
STALE = "stale"
STATE_LABELS = {
    OK: _("ok"),
    MISSING: _("missing"),
    DRAFT_ONLY: _("draft only"),
    STALE: _("stale"),
}


@dataclass
class ItemStatus:
    item: DisclosureItem
    state: str
    pages: list[Page] = field(default_factory=list)
    last_published_at: datetime | None = None

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
        .only("id", "title", "live", "last_published_at", "content_type", "url_path")
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
        if not item_pages:
            state = MISSING
        elif not live:
            state = DRAFT_ONLY
        elif last is None or last.date() < stale_before:
            state = STALE
        else:
            state = OK
        statuses.append(ItemStatus(item, state, live or item_pages, last))
    return statuses


def late_outage_notices():
    """Live outage notices that were published with less lead time than §7 2.1.2 requires."""
    from .models import OutageNotice

    return [
        notice
        for notice in OutageNotice.objects.live().filter(emergency=False).order_by("-starts_at")
        if notice.lead_time_error()
    ]
