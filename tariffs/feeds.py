"""What the home page shows of the tariffs (core/feeds.py): the announced changes, region by
region, for the first customer category (households in towns with gas stoves)."""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.feeds import Feed, register

from .models import TariffsPage
from .models.records import CustomerCategory
from .selection import published_tariffs, select


def tariff_changes(limit: int) -> dict:
    """Each region's next change, shown by its first metering option (single-rate)."""
    today = timezone.localdate()
    changes, seen = [], set()
    for region in published_tariffs()[0]:
        for view in select(region.slug, None, today).upcoming:
            if (region.pk, view.period.valid_from) not in seen:
                seen.add((region.pk, view.period.valid_from))
                changes.append({"region": region, "view": view})
    changes.sort(key=lambda change: change["view"].period.valid_from)
    page = TariffsPage.objects.live().filter(locale__language_code=get_language()).first()
    return {
        "changes": changes[:limit],
        "category": CustomerCategory.values[0],
        "category_label": CustomerCategory.choices[0][1],
        "more_url": page.get_url() if page else "",
    }


def register_feeds() -> None:
    register(
        Feed(
            "tariff-changes",
            _("Announced tariff changes"),
            "tariffs/feeds/tariff_changes.html",
            tariff_changes,
        )
    )
