"""The monthly report (CSV and XLSX through Wagtail's report view) and the dashboard panels."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name

from core.dashboard import Line, TaskPanel
from core.exports import SafeReportView

from ..models import Appeal
from ..reports import MonthlyReport, monthly_report, status_summary
from ..staff import ASSIGN_APPEALS, VIEW_APPEALS
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


def dashboard_panels(request, panels) -> None:
    """Appeals staff: how many are overdue and due within three days, and the appeals by
    status."""
    if not request.user.has_perm(VIEW_APPEALS):
        return
    summary = status_summary()
    index = reverse("reception_appeals:index")
    lines = [
        Line(str(_("overdue")), f"{index}?overdue=true", count=summary["overdue"]),
        Line(str(_("due within 3 days")), f"{index}?due_soon=true", count=summary["due_soon"]),
    ] + [Line(row.label, index, count=row.count) for row in summary["by_status"]]
    panels.append(TaskPanel("reception_appeals", str(_("Appeals")), lines, order=50))


def assignment_panel(request, panels) -> None:
    """For those who assign: open appeals without an executor, and each executor's load."""
    if not request.user.has_perm(ASSIGN_APPEALS):
        return
    index = reverse("reception_appeals:index")
    open_appeals = Appeal.objects.open()
    overdue = Appeal.objects.overdue().values("pk")
    unassigned = open_appeals.filter(executor__isnull=True).count()
    loads = (
        open_appeals.filter(executor__isnull=False)
        .values("executor")
        .annotate(
            open=Count("pk"),
            late=Count("pk", filter=Q(pk__in=overdue)),
        )
        .order_by("-late", "-open")
    )
    loads = list(loads)
    people = get_user_model().objects.in_bulk([row["executor"] for row in loads])
    lines = [Line(str(_("without an executor")), index, count=unassigned)] + [
        Line(
            get_user_display_name(people[row["executor"]]) if row["executor"] in people else "—",
            f"{index}?executor={row['executor']}",
            count=row["open"],
            note=(_("%(count)s overdue") % {"count": row["late"]}) if row["late"] else "",
        )
        for row in loads
    ]
    panels.append(
        TaskPanel("appeals_by_executor", str(_("Open appeals by executor")), lines, order=51)
    )
