from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import ComplianceReportView
from .models import GridCompany, MeterVisitNotice, OutageNotice, PaymentPoint, ServiceCentre


class ServiceCentreViewSet(SnippetViewSet):
    model = ServiceCentre
    icon = "home"
    list_display = ["name", "locality", "kind", "live"]
    list_filter = ["locality", "kind"]
    search_fields = ["name", "address"]


class PaymentPointViewSet(SnippetViewSet):
    model = PaymentPoint
    icon = "tag"
    list_display = ["name", "kind", "locality", "commission", "live"]
    list_filter = ["kind", "locality"]
    search_fields = ["name", "address"]


class GridCompanyViewSet(SnippetViewSet):
    model = GridCompany
    icon = "site"
    list_display = ["name", "dispatcher_phone", "live"]


class OutageNoticeViewSet(SnippetViewSet):
    model = OutageNotice
    icon = "warning"
    list_display = ["__str__", "work_type", "audience", "emergency", "live"]
    list_filter = ["audience", "emergency"]


class MeterVisitNoticeViewSet(SnippetViewSet):
    model = MeterVisitNotice
    icon = "date"
    list_display = ["__str__", "organisation", "live"]


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
