"""What the home page shows of disclosure's records (core/feeds.py): the planned outages of the
next days and the grid companies' dispatchers."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.feeds import Feed, register

from .clocks import OUTAGE_DAYS, next_soon_outage_change
from .models import GridCompaniesPage, GridCompany, OutagesPage


def _page_url(model) -> str:
    page = model.objects.live().filter(locale__language_code=get_language()).first()
    return page.get_url() if page else ""


def outages_soon(limit: int) -> dict:
    """Outages under way or starting within a week."""
    horizon = timezone.now() + timedelta(days=OUTAGE_DAYS)
    notices = OutagesPage.current_and_upcoming().filter(starts_at__lte=horizon)
    return {"notices": list(notices[:limit]), "more_url": _page_url(OutagesPage)}


def dispatchers(limit: int) -> dict:
    return {
        "companies": list(GridCompany.objects.filter(live=True).for_locale()[:limit]),
        "more_url": _page_url(GridCompaniesPage),
    }


def register_feeds() -> None:
    register(
        Feed(
            "outages-soon",
            _("Planned outages of the next days"),
            "disclosure/feeds/outages_soon.html",
            outages_soon,
            next_soon_outage_change,
        )
    )
    register(
        Feed(
            "grid-dispatchers",
            _("Emergency: the grid companies' dispatchers"),
            "disclosure/feeds/dispatchers.html",
            dispatchers,
        )
    )
