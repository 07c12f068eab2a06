"""The tariff editors' and approvers' panel on the admin home: the changes to come and where
each stands (draft, in moderation, approved and scheduled to apply)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.admin_columns import publication_status, with_moderation
from core.dashboard import Line, TaskPanel

from .models import TariffPeriod


def upcoming_changes(request, panels) -> None:
    if not request.user.has_perm("tariffs.change_tariffperiod"):
        return
    # Those awaiting approval first: they are what someone has to act on.
    periods = with_moderation(
        TariffPeriod.objects.filter(valid_from__gt=timezone.localdate()).select_related("region")
    ).order_by("-in_moderation", "valid_from")[:15]
    lines = [
        Line(
            str(period),
            reverse("wagtailsnippets_tariffs_tariffperiod:edit", args=[period.pk]),
            note=publication_status(period),
        )
        for period in periods
    ]
    panels.append(
        TaskPanel(
            "tariff_changes",
            str(_("Upcoming tariff changes")),
            lines,
            str(_("No tariff change is announced or being prepared.")),
            order=60,
        )
    )
