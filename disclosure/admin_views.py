"""The compliance report in the admin: each disclosure item, its pages and state; CSV."""

import csv

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .compliance import item_states, late_outage_notices


@permission_required("wagtailadmin.access_admin")
def compliance_report(request):
    statuses = item_states()
    if request.GET.get("export") == "csv":
        return compliance_csv(statuses)
    return render(
        request,
        "disclosure/admin/compliance_report.html",
        {
            "statuses": statuses,
            "late_notices": late_outage_notices(),
            "problems": sum(status.state != "ok" for status in statuses),
        },
    )


def compliance_csv(statuses) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="disclosure-compliance.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 only with a byte-order mark
    writer = csv.writer(response)
    writer.writerow(
        [_("Item"), _("Source"), _("Title"), _("State"), _("Pages"), _("Last published"), _("Note")]
    )
    for status in statuses:
        writer.writerow(
            [
                status.item.code,
                status.item.source,
                str(status.item.title),
                status.state,
                " ".join(page.get_url() or page.url_path for page in status.pages),
                timezone.localtime(status.last_published_at).strftime("%d.%m.%Y")
                if status.last_published_at
                else "",
                status.note,
            ]
        )
    return response
