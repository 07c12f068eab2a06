"""The monthly report (CSV and XLSX through Wagtail's report view) and the dashboard panel."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from core.exports import SafeReportView

from ..reports import MonthlyReport, monthly_report, status_summary
from ..staff import VIEW_APPEALS
from .access import StaffOnlyMixin


def parse_month(value: str | None) -> date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return timezone.localdate().replace(day=1)


@dataclass
class Row:
    """One line of the spreadsheet: a figure of the month, or a bar of one of its breakdowns."""

    section: str
    label: str
    value: int | float | None


def report_rows(report: MonthlyReport) -> list[Row]:
    summary = str(_("Summary"))
    rows = [
        Row(summary, str(_("Appeals received")), report.total),
        Row(summary, str(_("Answered")), report.answered),
        Row(summary, str(_("Average time to answer, days")), report.average_days_to_answer),
        Row(summary, str(_("Answered on time")), report.answered_on_time),
        Row(summary, str(_("Answered on time, %")), report.on_time_percent),
    ]
    for title, bars in [
        (_("By topic"), report.by_topic),
        (_("By type"), report.by_type),
        (_("By answer channel"), report.by_channel),
        (_("By status"), report.by_status),
    ]:
        rows += [Row(str(title), bar.label, bar.count) for bar in bars]
    return rows


class MonthlyReportView(StaffOnlyMixin, SafeReportView):
    page_title = _("Monthly report on appeals")
    header_icon = "table"
    template_name = "reception/admin/monthly_report.html"
    results_template_name = "reception/admin/monthly_report_results.html"
    index_url_name = "reception_report"
    paginate_by = None
    list_export = ["section", "label", "value"]
    export_headings = {"section": _("Section"), "label": _("What"), "value": _("Count")}

    @cached_property
    def month(self) -> date:
        return parse_month(self.request.GET.get("month"))

    @cached_property
    def report(self) -> MonthlyReport:
        return monthly_report(self.month)

    def get_filename(self) -> str:
        return f"appeals-{self.month:%Y-%m}"

    def get_queryset(self) -> list[Row]:
        return report_rows(self.report)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = self.month
        previous = (month - timezone.timedelta(days=1)).replace(day=1)
        following = (month + timezone.timedelta(days=32)).replace(day=1)
        context.update(
            report=self.report,
            month_value=f"{month:%Y-%m}",
            previous=f"{previous:%Y-%m}",
            following=f"{following:%Y-%m}",
        )
        return context


class AppealsPanel(Component):
    """The dashboard panel: appeals by status and how many are overdue (appeals staff only)."""

    name = "reception_appeals"
    order = 50
    template_name = "reception/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return status_summary()


def dashboard_panels(request, panels) -> None:
    if request.user.has_perm(VIEW_APPEALS):
        panels.append(AppealsPanel())
