"""Panels on the admin home for those who keep the disclosure: the outages and meter visits of
the next 14 days with any published late (notice editors, moderators), and the compliance
register's open items (disclosure editors, moderators)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dashboard import Line, TaskPanel

from . import compliance
from .models import MeterVisitNotice, OutageNotice

WINDOW_DAYS = 14


def notices_panel(request, panels) -> None:
    if not request.user.has_perm("disclosure.change_outagenotice"):
        return
    today = timezone.localdate()
    until = today + timedelta(days=WINDOW_DAYS)
    # Each notice once, in the language of the admin (its translation or the source).
    outages = (
        OutageNotice.objects.live()
        .for_locale()
        .filter(starts_at__date__gte=today, starts_at__date__lte=until)
    )
    visits = (
        MeterVisitNotice.objects.live()
        .for_locale()
        .filter(visit_on__gte=today, visit_on__lte=until)
    )
    lines = [
        Line(
            f"{_('Outage')}: {notice}",
            reverse("wagtailsnippets_disclosure_outagenotice:edit", args=[notice.pk]),
            note=str(_("published late")) if notice.lead_time_error() else "",
        )
        for notice in outages.order_by("starts_at")[:20]
    ] + [
        Line(
            f"{_('Meter visit')}: {visit}",
            reverse("wagtailsnippets_disclosure_metervisitnotice:edit", args=[visit.pk]),
        )
        for visit in visits.order_by("visit_on")[:20]
    ]
    panels.append(
        TaskPanel(
            "notices",
            str(_("Outages and meter visits in the next 14 days")),
            lines,
            str(_("No outage or meter visit in the next 14 days.")),
            order=70,
        )
    )


def compliance_panel(request, panels) -> None:
    if not request.user.has_perm("disclosure.change_servicecentre"):
        return
    url = reverse("disclosure_compliance")
    lines = [
        Line(str(status.item.title), url, note=str(status.state_label))
        for status in compliance.item_states()
        if status.state != compliance.OK
    ]
    panels.append(
        TaskPanel(
            "compliance",
            str(_("Disclosure compliance: open items")),
            lines,
            str(_("Every disclosure item is published and up to date.")),
            order=80,
        )
    )
