"""The readings staff's panel on the admin home: flagged readings not yet sent to billing."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.dashboard import Line, TaskPanel

from .models import Submission
from .permissions import can_see_readings


def flagged_panel(request, panels) -> None:
    if not can_see_readings(request.user):
        return
    flagged = Submission.objects.filter(flagged=True, batch__isnull=True).count()
    lines = (
        [
            Line(
                _("Flagged and not yet exported: %(count)s") % {"count": flagged},
                reverse("readings_submissions:index") + "?flagged=true&exported=false",
            )
        ]
        if flagged
        else []
    )
    panels.append(
        TaskPanel(
            "flagged_readings",
            str(_("Flagged meter readings")),
            lines,
            str(_("No flagged reading waits for a check.")),
            order=90,
        )
    )
