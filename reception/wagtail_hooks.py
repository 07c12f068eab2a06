from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin_views.deliveries import DeliveryListView, DoneView, LetterView, deliveries_panel
from .admin_views.registry import AppealViewSet
from .admin_views.reports import MonthlyReportView, assignment_panel, dashboard_panels
from .admin_views.survey import SurveySummaryView
from .admin_views.visits import HomeVisitViewSet
from .staff import VIEW_APPEALS


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_APPEALS)


class ReceptionGroup(ViewSetGroup):
    menu_label = _("Virtual reception")
    menu_icon = "mail"
    menu_order = 250
    items = (AppealViewSet("reception_appeals"), HomeVisitViewSet("reception_visits"))


@hooks.register("register_admin_viewset")
def register_reception() -> ReceptionGroup:
    return ReceptionGroup()


@hooks.register("register_admin_urls")
def reception_urls():
    return [
        path("reception/report/", MonthlyReportView.as_view(), name="reception_report"),
        path("reception/survey/", SurveySummaryView.as_view(), name="reception_survey"),
        path("reception/letters/", DeliveryListView.as_view(), name="reception_deliveries"),
        path(
            "reception/letters/<int:pk>/letter.pdf",
            LetterView.as_view(),
            name="reception_delivery_letter",
        ),
        path(
            "reception/letters/<int:pk>/done/", DoneView.as_view(), name="reception_delivery_done"
        ),
    ]


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return StaffMenuItem(
        _("Appeals: monthly report"), reverse("reception_report"), icon_name="table", order=900
    )


@hooks.register("register_reports_menu_item")
def survey_menu_item():
    return StaffMenuItem(
        _("Survey results"), reverse("reception_survey"), icon_name="form", order=910
    )


@hooks.register("register_admin_menu_item")
def deliveries_menu_item():
    return StaffMenuItem(
        _("Letters and calls"), reverse("reception_deliveries"), icon_name="mail", order=260
    )


hooks.register("construct_homepage_panels", dashboard_panels)
hooks.register("construct_homepage_panels", deliveries_panel)
hooks.register("construct_homepage_panels", assignment_panel)
