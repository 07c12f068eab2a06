"""The compliance report in the admin: each disclosure item, its pages and state; CSV and XLSX
through Wagtail's report view."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.demo import PLACEHOLDER_TAG
from core.exports import SafeReportView

from . import requirements
from .compliance import (
    consistency_problems,
    item_states,
    late_outage_notices,
    placeholder_documents,
)


def local_date(value) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y") if value else ""


def page_urls(pages) -> str:
    return " ".join(page.get_url() or page.url_path for page in pages)


class ComplianceReportView(SafeReportView):
    page_title = _("Disclosure compliance")
    header_icon = "tasks"
    template_name = "disclosure/admin/compliance_report.html"
    results_template_name = "disclosure/admin/compliance_report_results.html"
    index_url_name = "disclosure_compliance"
    paginate_by = None  # a fixed list of the standard's items
    export_filename = "disclosure-compliance"
    list_export = [
        "item.code",
        "item.source",
        "item.title",
        "state",
        "pages",
        "last_published_at",
        "note",
    ]
    export_headings = {
        "item.code": _("Item"),
        "item.source": _("Source"),
        "item.title": _("Title"),
        "state": _("State"),
        "pages": _("Pages"),
        "last_published_at": _("Last published"),
        "note": _("Note"),
    }
    custom_field_preprocess = {
        "pages": {SafeReportView.FORMAT_CSV: page_urls, SafeReportView.FORMAT_XLSX: page_urls},
        "last_published_at": {
            SafeReportView.FORMAT_CSV: local_date,
            SafeReportView.FORMAT_XLSX: local_date,
        },
    }

    def get_queryset(self):
        return item_states()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        statuses = context["object_list"]
        context["problems"] = sum(status.state != "ok" for status in statuses)
        context["late_notices"] = late_outage_notices()
        context["placeholders"] = placeholder_documents()
        context["placeholder_tag"] = PLACEHOLDER_TAG
        context["inconsistencies"] = consistency_problems()
        context["requirements"] = [
            (requirement, requirement.problems()) for requirement in requirements.load()
        ]
        return context
