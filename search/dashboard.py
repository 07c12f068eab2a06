"""The editors' panel on the admin home: this week's searches that found nothing, the most
frequent first; each is a page to write, a synonym or a customer task to add."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dashboard import Line, TaskPanel

from .services import queries_without_results
from .staff import VIEW_QUERIES


def empty_searches_panel(request, panels) -> None:
    if not request.user.has_perm(VIEW_QUERIES):
        return
    since = timezone.localdate() - datetime.timedelta(days=6)
    report = reverse("search_queries_report") + "?days=7"
    lines = [
        Line(row["query"], report, count=row["empty"])
        for row in queries_without_results(since, limit=10)
    ]
    panels.append(
        TaskPanel(
            "empty_searches",
            str(_("Searches that found nothing this week")),
            lines,
            str(_("Every search this week found something.")),
            order=95,
        )
    )
