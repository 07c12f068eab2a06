"""When what the disclosure pages show changes by itself, for the page cache
(core/expiry.py's `register_clock`): each function answers the next such moment after now, or
None. The change of day (holidays, "upcoming" visits) is the page cache's own midnight."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from .models import OutageNotice, ServiceCentreHours

# How far ahead the home page lists planned outages (disclosure/feeds.py).
OUTAGE_DAYS = 7


def next_opening_change() -> datetime | None:
    """The next time today that a published service centre opens, closes or starts or ends a
    break ("open now" on the service centres page)."""
    now = timezone.localtime()
    rows = ServiceCentreHours.objects.filter(
        kind=ServiceCentreHours.OPENING, centre__live=True, weekday=now.weekday()
    ).values_list("opens", "closes", "break_starts", "break_ends")
    moments = [
        now.replace(hour=moment.hour, minute=moment.minute, second=0, microsecond=0)
        for row in rows
        for moment in row
        if moment is not None
    ]
    return min((moment for moment in moments if moment > now), default=None)


def next_outage_change() -> datetime | None:
    """The next start or end of a published outage notice (current, upcoming and past on the
    outages page; a notice without an end stays current for a day after it starts)."""
    now = timezone.now()
    notices = OutageNotice.objects.live().filter(
        Q(starts_at__gt=now - timedelta(days=1)) | Q(ends_at__gt=now)
    )
    moments = []
    for starts_at, ends_at in notices.values_list("starts_at", "ends_at"):
        moments += [starts_at, ends_at or starts_at + timedelta(days=1)]
    return min((moment for moment in moments if moment > now), default=None)


def next_soon_outage_change() -> datetime | None:
    """The home page's outages of the next days (disclosure/feeds.py) change also when a
    notice comes within the horizon."""
    now = timezone.now()
    horizon = timedelta(days=OUTAGE_DAYS)
    starts = OutageNotice.objects.live().filter(starts_at__gt=now, starts_at__lte=now + horizon * 2)
    entering = [moment - horizon for moment in starts.values_list("starts_at", flat=True)]
    moments = [moment for moment in entering if moment > now]
    following = next_outage_change()
    return min([*moments, *([following] if following else [])], default=None)
