"""Editors' report: what visitors search for, and what they search for in vain. The download
(CSV or XLSX) lists every query of the period with its searches and searches without results."""

import datetime

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy

from core.exports import SafeReportView

from .models import QueryStat
from .services import popular_queries, queries_without_results

PERIODS = (7, 30, 90)


class SearchQueriesReportView(SafeReportView):
    # What visitors typed may name a person: only the roles in search/staff.py read it.
    permission_policy = ModelPermissionPolicy(QueryStat)
    permission_required = "view"
    page_title = _("Search queries")
    header_icon = "search"
    template_name = "search/admin/queries_report.html"
    results_template_name = "search/admin/queries_report_results.html"
    index_url_name = "search_queries_report"
    paginate_by = None
    export_filename = "search-queries"
    list_export = ["query", "searches", "empty"]
    export_headings = {
        "query": _("Query"),
        "searches": _("Searches"),
        "empty": _("Searches with no results"),
    }

    @cached_property
    def days(self) -> int:
        try:
            days = int(self.request.GET.get("days", 30))
        except ValueError:
            return 30
        return days if days in PERIODS else 30

    @cached_property
    def since(self) -> datetime.date:
        return timezone.localdate() - datetime.timedelta(days=self.days - 1)

    def get_queryset(self) -> list[dict]:
        # The page shows the top queries; the download has them all.
        return popular_queries(self.since, limit=None if self.is_export else 50)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            days=self.days,
            periods=PERIODS,
            since=self.since,
            empty=queries_without_results(self.since),
        )
        return context
