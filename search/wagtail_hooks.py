from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import SearchQueriesReportView
from .dashboard import empty_searches_panel
from .models import CustomerTask, SynonymGroup
from .staff import VIEW_QUERIES


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["terms"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)


class CustomerTaskViewSet(SnippetViewSet):
    model = CustomerTask
    icon = "search"
    menu_label = _("Customer tasks")
    add_to_settings_menu = True
    list_display = ["__str__", "page", "route"]
    search_fields = ["phrases", "heading"]


register_snippet(CustomerTaskViewSet)


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path(
            "reports/search-queries/",
            SearchQueriesReportView.as_view(),
            name="search_queries_report",
        )
    ]


class QueriesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(VIEW_QUERIES)


@hooks.register("register_reports_menu_item")
def register_report_menu_item() -> MenuItem:
    return QueriesMenuItem(
        _("Search queries"),
        reverse("search_queries_report"),
        icon_name="search",
        order=800,
    )


hooks.register("construct_homepage_panels", empty_searches_panel)
