"""The monthly report and the dashboard panel."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..reports import monthly_report, status_summary
from ..staff import VIEW_APPEALS
from .access import StaffOnlyMixin


def parse_month(value: str | None) -> date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return timezone.localdate().replace(day=1)


class MonthlyReportView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reception/admin/monthly_report.html"
    page_title = _("Monthly report on appeals")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = parse_month(self.request.GET.get("month"))
        previous = (month.replace(day=1) - timezone.timedelta(days=1)).replace(day=1)
        following = (month + timezone.timedelta(days=32)).replace(day=1)
        context.update(
            report=monthly_report(month),
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
