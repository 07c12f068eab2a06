from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup, UnpublishView

from core.admin_columns import StatusColumn, YesNoColumn

from .admin_views import ComplianceReportView
from .dashboard import compliance_panel, notices_panel
from .models import (
    DisclosedDocument,
    GridCompany,
    MeterVisitNotice,
    OutageNotice,
    PaymentPoint,
    ServiceCentre,
)


class WithdrawView(UnpublishView):
    """Unpublishing needs its own permission (the moderators'), not merely the right to
    publish that editors hold (disclosure/staff.py)."""

    permission_required = "unpublish"


class DisclosureViewSet(SnippetViewSet):
    unpublish_view_class = WithdrawView


@hooks.register("construct_snippet_action_menu")
def hide_unpublish_from_editors(menu_items, request, context) -> None:
    model = context.get("model")
    if model is None or model._meta.app_label != "disclosure":
        return
    if not request.user.has_perm(f"disclosure.unpublish_{model._meta.model_name}"):
        menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]


class ServiceCentreViewSet(DisclosureViewSet):
    model = ServiceCentre
    icon = "home"
    list_display = ["name", "locality", "kind", StatusColumn()]
    list_filter = ["locality", "kind"]
    search_fields = ["name", "address"]


class PaymentPointViewSet(DisclosureViewSet):
    model = PaymentPoint
    icon = "tag"
    list_display = ["name", "kind", "locality", "commission", StatusColumn()]
    list_filter = ["kind", "locality"]
    search_fields = ["name", "address"]


class GridCompanyViewSet(DisclosureViewSet):
    model = GridCompany
    icon = "site"
    list_display = ["name", "dispatcher_phone", StatusColumn()]


class OutageNoticeViewSet(DisclosureViewSet):
    model = OutageNotice
    icon = "warning"
    list_display = [
        "__str__",
        "starts_at",
        "work_type",
        "audience",
        YesNoColumn("emergency", label=_("Emergency work"), sort_key="emergency"),
        StatusColumn(),
    ]
    list_filter = ["audience", "emergency", "live"]
    search_fields = ["localities", "streets", "work_type", "organisation"]
    search_backend_name = None  # the database, so that a draft just saved is found at once


class MeterVisitNoticeViewSet(DisclosureViewSet):
    model = MeterVisitNotice
    icon = "date"
    list_display = ["__str__", "visit_on", "organisation", StatusColumn()]
    list_filter = ["live"]
    search_fields = ["localities", "streets", "organisation"]
    search_backend_name = None


class DisclosedDocumentViewSet(DisclosureViewSet):
    model = DisclosedDocument
    icon = "doc-full"
    list_display = ["title", "year", "kind", "disclosed_on", StatusColumn()]
    list_filter = ["year", "kind"]


class DisclosureGroup(SnippetViewSetGroup):
    menu_label = _("Disclosure")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (
        ServiceCentreViewSet,
        PaymentPointViewSet,
        GridCompanyViewSet,
        OutageNoticeViewSet,
        MeterVisitNoticeViewSet,
        DisclosedDocumentViewSet,
    )


register_snippet(DisclosureGroup)


@hooks.register("register_admin_urls")
def register_compliance_url():
    return [
        path(
            "disclosure/compliance/",
            ComplianceReportView.as_view(),
            name="disclosure_compliance",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_compliance_menu_item():
    return MenuItem(
        _("Disclosure compliance"),
        reverse("disclosure_compliance"),
        icon_name="tasks",
        order=50,
    )


hooks.register("construct_homepage_panels", notices_panel)
hooks.register("construct_homepage_panels", compliance_panel)
